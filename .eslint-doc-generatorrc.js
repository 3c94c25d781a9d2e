/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['flat/recommended', 'flat/strict', 'flat/all'],
  ruleDocSectionInclude: ['Incorrect', 'Correct', 'Options'],
  // Every page has an Options section, also to say that a rule has none.
  ruleDocSectionOptions: false,
  ruleDocTitleFormat: 'name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options'],
  pathRuleList: 'README.md',
  urlConfigs: 'https://github.com/eslint-plugin-api-security/eslint-plugin-api-security#configs',
};
