import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { shortText, unwrap } from '../analysis/core/ast.js';
import { textGate } from '../analysis/core/source-text.js';
import { fileSanitizesFilters, nosqlQuery, querySanitizesFilter, type NosqlQuery } from '../analysis/domains/nosql.js';
import { codeFinding, filterFindings, idFindings, pipelineFindings, type FilterFinding } from '../analysis/domains/nosql-filters.js';
import { NOSQL_METHODS } from '../catalog/nosql.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ trustTypedBodies?: boolean }];
type MessageIds = 'requestFilter' | 'requestValue' | 'requestCode' | 'requestRegex' | 'requestKey' | 'wrapString';

/**
 * A query method's name, or `collection`, as a token of the file: a whole line. The line
 * terminators are spelled out rather than left to `^`/`$` with the `m` flag (the same lines), which
 * the regular expression engine tries at every position.
 */
const QUERY_TOKEN = new RegExp(`(?:^|[\\n\\r\\u2028\\u2029])(?:${[...Object.keys(NOSQL_METHODS), 'collection'].join('|')})(?:[\\n\\r\\u2028\\u2029]|$)`);
const mayRunQuery = textGate((text) => QUERY_TOKEN.test(text));

const MESSAGE_OF: Record<FilterFinding['kind'], MessageIds> = {
  filter: 'requestFilter',
  value: 'requestValue',
  code: 'requestCode',
  regex: 'requestRegex',
  key: 'requestKey',
};

export default createRule<Options, MessageIds>({
  name: 'no-nosql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data in MongoDB filters where it can carry query operators, JavaScript or patterns',
      recommended: 'recommended',
      cwe: 'CWE-943',
      owasp: ['A03:2021'],
    },
    hasSuggestions: true,
    messages: {
      requestFilter:
        'The filter passed to {{sink}} is request data ({{source}}): a JSON body or query string can hold operators such as `{ "$ne": null }` or `$where`. Build the filter from named fields, each converted with `String()`.',
      requestValue:
        '{{source}} is the value of `{{key}}` in the filter passed to {{sink}}: a JSON body or query string can make it an object such as `{ "$ne": null }`, which MongoDB reads as an operator. Convert it with `String()` or check `typeof` first.',
      requestCode:
        'Request data ({{source}}) is part of the JavaScript that `{{key}}` runs on the database server in {{sink}}. Express the condition with query operators instead of server-side JavaScript.',
      requestRegex:
        'Request data ({{source}}) is used as a regular expression for `{{key}}` in {{sink}}: the client can match every record or send a pattern that takes exponential time. Escape it (for example with `escape-string-regexp`) or compare with `$eq`.',
      requestKey:
        'A field name in the filter passed to {{sink}} is request data ({{source}}): the client can name an operator such as `$where`. Check it against a fixed list of field names.',
      wrapString: 'Convert the value to a string: `String({{text}})`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          trustTypedBodies: {
            type: 'boolean',
            description:
              'Treat a NestJS `@Body()` / `@Query()` parameter typed with a class (a DTO) as validated, as the usual global `ValidationPipe` with class-validator does.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ trustTypedBodies: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayRunQuery(sourceCode)) return {};
    const trustTypedBodies = options.trustTypedBodies !== false;

    function sinkText(query: NosqlQuery): string {
      const call = `\`${shortText(sourceCode, query.receiver, 30)}.${query.method}()\``;
      if (query.recognisedBy !== 'import') return call;
      return `the ${query.library === 'mongodb' ? 'MongoDB' : 'Mongoose'} query ${call}`;
    }

    function findings(query: NosqlQuery): FilterFinding[] {
      const operatorInjection = !fileSanitizesFilters(sourceCode) && !querySanitizesFilter(query, sourceCode);
      const filterOptions = { operatorInjection, trustTypedBodies };
      const arg = (index: number | undefined): TSESTree.Node | null => {
        if (index === undefined) return null;
        const a = query.node.arguments[index];
        return a && a.type !== AST_NODE_TYPES.SpreadElement ? a : null;
      };
      const { spec } = query;
      const result: FilterFinding[] = [];
      const filter = arg(spec.filter);
      if (filter) result.push(...filterFindings(filter, sourceCode, filterOptions));
      const id = arg(spec.id);
      if (id) result.push(...idFindings(id, sourceCode, filterOptions));
      const pipeline = arg(spec.pipeline);
      if (pipeline) result.push(...pipelineFindings(pipeline, sourceCode, filterOptions));
      for (const index of spec.code ?? []) {
        const code = arg(index);
        const found = code && codeFinding(code, query.method, sourceCode);
        if (found) result.push(found);
      }
      return result;
    }

    return {
      CallExpression(node) {
        const query = nosqlQuery(node, sourceCode);
        if (!query) return;
        const seen = new Set<TSESTree.Node>();
        for (const finding of findings(query)) {
          if (seen.has(finding.node)) continue;
          seen.add(finding.node);
          const target = finding.node;
          const text = sourceCode.getText(unwrap(target));
          const read = finding.taint.source.text;
          // `email (from req.body)` when the value is a variable or part of the request read.
          const source = (finding.kind !== 'value' && finding.kind !== 'filter') || text === read || text.length > 40 ? read : `${text} (from ${read})`;
          const data = { sink: sinkText(query), source, key: finding.key ?? '' };
          context.report({
            node: target,
            messageId: MESSAGE_OF[finding.kind],
            data,
            ...(finding.kind === 'value'
              ? {
                  suggest: [
                    {
                      messageId: 'wrapString' as const,
                      data: { text: text.length > 40 ? `${text.slice(0, 39)}…` : text },
                      fix: (fixer) => {
                        const parent = target.parent;
                        // `{ email }` becomes `{ email: String(email) }`.
                        if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === target) {
                          return fixer.replaceText(parent, `${sourceCode.getText(parent.key)}: String(${sourceCode.getText(target)})`);
                        }
                        return fixer.replaceText(target, `String(${sourceCode.getText(target)})`);
                      },
                    },
                  ],
                }
              : {}),
          });
        }
      },
    };
  },
});
