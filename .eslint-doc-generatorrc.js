/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['flat/recommended', 'flat/strict', 'flat/all'],
  ruleDocSectionInclude: ['Incorrect', 'Correct', 'Options'],
  ruleDocTitleFormat: 'name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options'],
  pathRuleList: 'README.md',
  urlConfigs: 'https://github.com/eslint-plugin-api-security/eslint-plugin-api-security#configs',
};
