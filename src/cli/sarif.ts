import type { ESLint } from 'eslint';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { securitySeverity } from './severity.js';

/** What the SARIF writer needs to know about a rule. */
export interface RuleInfo {
  id: string;
  description: string;
  url?: string;
  cwe?: string;
  owasp: readonly string[];
}

function uri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(file).href };
}

/**
 * A SARIF 2.1.0 log of ESLint results: one run, each rule described with its help URI, CWE and
 * OWASP tags and a `security-severity`; files that did not parse become tool notifications.
 */
export function toSarif(results: readonly ESLint.LintResult[], rules: ReadonlyMap<string, RuleInfo>, cwd: string, version: string): object {
  const ruleIndex = new Map<string, number>();
  const descriptors: object[] = [];
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  const describe = (id: string): number => {
    const known = ruleIndex.get(id);
    if (known !== undefined) return known;
    const info = rules.get(id) ?? { id, description: id, owasp: [] };
    const score = securitySeverity(info.cwe);
    const tags = ['security'];
    if (info.cwe) tags.push(`external/cwe/${info.cwe.toLowerCase()}`);
    for (const owasp of info.owasp) tags.push(`external/owasp/${owasp.toLowerCase()}`);
    descriptors.push({
      id,
      name: id.replace(/^api-security\//, ''),
      shortDescription: { text: info.description },
      fullDescription: { text: info.description },
      ...(info.url ? { helpUri: info.url, help: { text: `${info.description} See ${info.url}`, markdown: `${info.description} [Documentation](${info.url})` } } : {}),
      defaultConfiguration: { level: 'error' },
      properties: { tags, precision: 'high', problem: { severity: 'error' }, 'security-severity': score.toFixed(1) },
    });
    ruleIndex.set(id, descriptors.length - 1);
    return descriptors.length - 1;
  };
  for (const result of results) {
    const location = uri(result.filePath, cwd);
    for (const message of result.messages) {
      if (!message.ruleId) {
        notifications.push({
          level: 'error',
          message: { text: message.message },
          locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: Math.max(1, message.line || 1), startColumn: Math.max(1, message.column || 1) } } }],
        });
        continue;
      }
      const index = describe(message.ruleId);
      const region: Record<string, number> = { startLine: Math.max(1, message.line), startColumn: Math.max(1, message.column) };
      if (message.endLine) region.endLine = message.endLine;
      if (message.endColumn) region.endColumn = message.endColumn;
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex: index,
        level: message.severity === 2 ? 'error' : 'warning',
        message: { text: message.message },
        locations: [{ physicalLocation: { artifactLocation: location, region } }],
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'eslint-plugin-api-security',
            semanticVersion: version,
            informationUri: 'https://github.com/eslint-plugin-api-security/eslint-plugin-api-security',
            rules: descriptors,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
}
