/**
 * Calls that run or compile their argument as JavaScript or as a template that can hold
 * JavaScript. Data only.
 */

export interface CodeSink {
  /** Module specifiers (normalised: `vm`, not `node:vm`). */
  modules: readonly string[];
  /** The export path called or constructed: `['runInNewContext']`, `['Script', 'new']`; `[]` for the module itself. */
  path: readonly string[];
  /** The argument holding the code or template text. */
  argument: number;
  /** What the text is, for messages. */
  kind: 'code' | 'template';
}

/** Module functions whose argument is code or template text. */
export const CODE_SINKS: readonly CodeSink[] = [
  { modules: ['vm'], path: ['runInContext'], argument: 0, kind: 'code' },
  { modules: ['vm'], path: ['runInNewContext'], argument: 0, kind: 'code' },
  { modules: ['vm'], path: ['runInThisContext'], argument: 0, kind: 'code' },
  { modules: ['vm'], path: ['compileFunction'], argument: 0, kind: 'code' },
  { modules: ['vm'], path: ['Script', 'new'], argument: 0, kind: 'code' },
  { modules: ['vm'], path: ['SourceTextModule', 'new'], argument: 0, kind: 'code' },
  { modules: ['vm'], path: ['createScript'], argument: 0, kind: 'code' },
  // ejs: `render(template, data)`, `compile(template)`.
  { modules: ['ejs'], path: ['render'], argument: 0, kind: 'template' },
  { modules: ['ejs'], path: ['compile'], argument: 0, kind: 'template' },
  // pug (and its old name jade): templates may hold `- code` lines.
  { modules: ['pug', 'jade'], path: ['render'], argument: 0, kind: 'template' },
  { modules: ['pug', 'jade'], path: ['compile'], argument: 0, kind: 'template' },
  { modules: ['pug', 'jade'], path: ['compileClient'], argument: 0, kind: 'template' },
  // Handlebars compiles templates to functions; helpers and prototype access make them code.
  { modules: ['handlebars'], path: ['compile'], argument: 0, kind: 'template' },
  { modules: ['handlebars'], path: ['precompile'], argument: 0, kind: 'template' },
  { modules: ['handlebars'], path: ['create', '()', 'compile'], argument: 0, kind: 'template' },
  // nunjucks: `renderString(template, context)`, `new Environment().renderString()`.
  { modules: ['nunjucks'], path: ['renderString'], argument: 0, kind: 'template' },
  { modules: ['nunjucks'], path: ['Environment', 'new', 'renderString'], argument: 0, kind: 'template' },
  { modules: ['nunjucks'], path: ['configure', '()', 'renderString'], argument: 0, kind: 'template' },
  { modules: ['nunjucks'], path: ['compile'], argument: 0, kind: 'template' },
  // lodash / underscore `template(text)` evaluates `<% code %>`.
  { modules: ['lodash', 'lodash-es', 'underscore'], path: ['template'], argument: 0, kind: 'template' },
  { modules: ['lodash.template', 'lodash/template'], path: [], argument: 0, kind: 'template' },
  // doT compiles `{{ code }}`.
  { modules: ['dot'], path: ['template'], argument: 0, kind: 'template' },
  { modules: ['dot'], path: ['compile'], argument: 0, kind: 'template' },
];

/** Method names of `CODE_SINKS`, tested before any resolution. */
export const CODE_SINK_METHODS: ReadonlySet<string> = new Set(
  CODE_SINKS.map((s) => s.path.filter((step) => step !== 'new' && step !== '()').at(-1) ?? '').filter((m) => m !== ''),
);

/** Global functions whose arguments are code: `eval(text)`, `Function(…params, body)`. */
export const GLOBAL_CODE_FUNCTIONS: ReadonlySet<string> = new Set(['eval', 'Function']);
/**
 * Timers that evaluate a string argument in browsers. Node.js, Deno and Bun reject a string callback
 * (`ERR_INVALID_ARG_TYPE`), so on a server they are no sink; listed for code that runs in both.
 */
export const STRING_TIMERS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval']);
/** Objects global functions are reached through (`globalThis.eval`). */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);

/** Module names the code sinks live in (the rule's file gate). */
export const CODE_SINK_MODULES: readonly string[] = [...new Set(CODE_SINKS.flatMap((s) => s.modules))];
