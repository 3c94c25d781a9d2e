// Lints the example API with the plugin's recommended config, from the local build.
import apiSecurity from '../dist/index.js';

export default [
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  apiSecurity.configs.recommended,
];
