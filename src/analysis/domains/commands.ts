/**
 * Command-running calls: which catalog sink a call is (by import, through `util.promisify`), what
 * its command text or program and arguments are, and whether a shell parses them.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, singleValue, unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { isModulePath, promisifiedFunction, resolveModule, type ModuleRef } from '../core/modules.js';
import { memberValue, resolveObject } from '../core/object-values.js';
import { staticString, staticValue } from '../core/static-value.js';
import { COMMAND_SINKS, EXECA_TEMPLATE_TAGS, OPTION_SENSITIVE_PROGRAMS, SCRIPT_FLAGS, SHELL_PROGRAMS, type CommandSink } from '../../catalog/commands.js';

type Node = TSESTree.Node;

export interface CommandCall {
  sink: CommandSink;
  /** How the sink is named in messages (`child_process.exec`). */
  name: string;
  /** Values a shell parses as command text (the whole text, or each piece joined into it). */
  shellText: Node[];
  /** The program argument when no shell parses it (`spawn(program, args)`). */
  program: Node | null;
  /**
   * The arguments when no shell parses them: the elements of the argument array (a spread element
   * as the array it spreads), or the whole argument when it is no array literal (`req.body.args`).
   */
  args: TSESTree.Expression[];
}

function matchRef(ref: ModuleRef | null): CommandSink | null {
  if (!ref) return null;
  return COMMAND_SINKS.find((s) => isModulePath(ref, s.modules, s.path)) ?? null;
}

/** The sink a callee is, directly or as `util.promisify(sink)` (also through a constant). */
function sinkOfCallee(callee: Node, sourceCode: SourceCode, depth = 0): CommandSink | null {
  const direct = matchRef(resolveModule(callee, sourceCode));
  if (direct) return direct;
  if (depth > 2) return null;
  const promisified = promisifiedFunction(callee, sourceCode);
  return promisified ? sinkOfCallee(promisified, sourceCode, depth + 1) : null;
}

/**
 * Whether the options object sets `shell` to a value that is not `false` (constants followed). An
 * options argument the code does not show is taken as no shell.
 */
function setsShell(options: Node | undefined, sourceCode: SourceCode): boolean {
  if (!options || options.type === AST_NODE_TYPES.SpreadElement) return false;
  // Held in a variable or a constant's property, and `opts.shell = true` written after it.
  const object = resolveObject(options, sourceCode);
  if (!object) return false;
  const shell = memberValue(object, 'shell', sourceCode);
  if (!shell) return false;
  const value = staticValue(shell, sourceCode);
  if (!value) return false;
  return value.value !== false && value.value !== undefined && value.value !== null && value.value !== '';
}

/** An object literal or function (options, a callback), never an argument list. */
function isOptionsLike(node: Node, sourceCode: SourceCode): boolean {
  let target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const value = variable ? singleValue(variable) : null;
    if (value && value.path.length === 0) target = unwrap(value.init);
  }
  return (
    target.type === AST_NODE_TYPES.ObjectExpression ||
    target.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    target.type === AST_NODE_TYPES.FunctionExpression ||
    target.type === AST_NODE_TYPES.Literal ||
    target.type === AST_NODE_TYPES.TemplateLiteral
  );
}

/** The array literal an argument is (through a constant), or null. */
function arrayOf(node: Node | undefined, sourceCode: SourceCode): TSESTree.ArrayExpression | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  let target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVar(sourceCode, target);
    const value = variable ? singleValue(variable) : null;
    if (!value || value.path.length > 0) return null;
    target = unwrap(value.init);
  }
  return target.type === AST_NODE_TYPES.ArrayExpression ? target : null;
}

/**
 * How a call that starts a child process is named in messages (`child_process.spawn`, `execa`,
 * `cross-spawn`, also `child_process.fork`), resolved by import; null for any other call. Each of
 * them takes the child's environment as the `env` option.
 */
export function childProcessLauncher(node: TSESTree.CallExpression, sourceCode: SourceCode): string | null {
  const sink = sinkOfCallee(node.callee, sourceCode);
  if (sink) return `${sink.modules[0]}${sink.path.length ? `.${sink.path.join('.')}` : ''}`;
  return isModulePath(resolveModule(node.callee, sourceCode), ['child_process'], ['fork']) ? 'child_process.fork' : null;
}

/** What a command-running call runs, or null when it is no command sink. */
export function commandCall(node: TSESTree.CallExpression, sourceCode: SourceCode): CommandCall | null {
  const sink = sinkOfCallee(node.callee, sourceCode);
  if (!sink) return null;
  const name = `${sink.modules[0]}${sink.path.length ? `.${sink.path.join('.')}` : ''}`;
  const [first, second, third] = node.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  // `execa({ cwd })` / `$({ shell: true })` bind options and run nothing (the template forms run).
  if (unwrap(first).type === AST_NODE_TYPES.ObjectExpression) return null;
  if (sink.style === 'shell') return { sink, name, shellText: [first], program: null, args: [] };
  const args = arrayOf(second, sourceCode);
  const options = args || (second && unwrap(second).type === AST_NODE_TYPES.ArrayExpression) ? third : second;
  const elements = (args?.elements ?? []).filter((e): e is TSESTree.Expression => !!e && e.type !== AST_NODE_TYPES.SpreadElement);
  if (setsShell(options, sourceCode)) return { sink, name, shellText: [first, ...elements], program: null, args: [] };
  // `spawn('sh', ['-c', script])`: the argument after the flag is a script.
  const program = staticString(first, sourceCode);
  if (program !== null && SHELL_PROGRAMS.has(program)) {
    const flag = elements.findIndex((e) => {
      const text = staticString(e, sourceCode);
      return text !== null && SCRIPT_FLAGS.has(text);
    });
    const script = flag >= 0 ? elements[flag + 1] : undefined;
    return { sink, name, shellText: script ? [script] : [], program: null, args: [] };
  }
  const programArgs = args
    ? args.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => !!e).map((e) => (e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e))
    : second && second.type !== AST_NODE_TYPES.SpreadElement && !isOptionsLike(second, sourceCode) ? [second] : [];
  return { sink, name, shellText: [], program: first, args: programArgs };
}

export interface TemplateCommand {
  /** How the tag is named in messages (`execa.$`). */
  name: string;
  /** Whether options bound to the tag set `shell`: then the whole text is shell text. */
  shell: boolean;
  template: TSESTree.TemplateLiteral;
}

/**
 * An execa template command (`` $`git log ${ref}` ``, `` execa({ cwd })`…` ``, a tag bound to a
 * constant `const run = $({ shell: true })`), resolved by import, with whether the options bound
 * to the tag hand the text to a shell. Null for any other tagged template.
 */
export function templateCommand(node: TSESTree.TaggedTemplateExpression, sourceCode: SourceCode): TemplateCommand | null {
  let tag = unwrap(node.tag);
  const options: Node[] = [];
  for (let depth = 0; depth < 4; depth++) {
    if (tag.type === AST_NODE_TYPES.CallExpression) {
      const [first] = tag.arguments;
      if (first && first.type !== AST_NODE_TYPES.SpreadElement) options.push(first);
      tag = unwrap(tag.callee);
      continue;
    }
    if (tag.type === AST_NODE_TYPES.Identifier) {
      const variable = findVar(sourceCode, tag);
      const value = variable ? singleValue(variable) : null;
      if (value && value.path.length === 0 && unwrap(value.init).type === AST_NODE_TYPES.CallExpression) {
        tag = unwrap(value.init);
        continue;
      }
    }
    break;
  }
  const ref = resolveModule(tag, sourceCode);
  const path = ref ? EXECA_TEMPLATE_TAGS.find((p) => isModulePath(ref, ['execa'], p)) : undefined;
  if (!path) return null;
  return { name: `execa${path.length ? `.${path.join('.')}` : ''}`, shell: options.some((o) => setsShell(o, sourceCode)), template: node.quasi };
}

/** The base name of a program (`/usr/bin/git`, `git.exe` → `git`) when it is one whose options are dangerous, with those options. */
export function optionSensitiveProgram(program: string): { program: string; options: string } | null {
  const base = program.split(/[\\/]/).pop()!.replace(/\.exe$/i, '').toLowerCase();
  const options = OPTION_SENSITIVE_PROGRAMS.get(base);
  return options ? { program: base, options } : null;
}
