import type { TSESTree } from '@typescript-eslint/utils';
import { perFileCache, type SourceCode } from './cache.js';

/** The token whose range holds `index`, or null (whitespace, comments). Tokens are sorted by position. */
function tokenAt(tokens: readonly TSESTree.Token[], index: number): TSESTree.Token | null {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const token = tokens[mid]!;
    if (index < token.range[0]) high = mid - 1;
    else if (index >= token.range[1]) low = mid + 1;
    else return token;
  }
  return null;
}

const SINGLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' };

function isHex(text: string): boolean {
  return text.length > 0 && /^[0-9A-Fa-f]+$/.test(text);
}

/** The characters an escape-bearing piece of source stands for: `'json\u0077ebtoken'` → `'jsonwebtoken'`. */
export function unescapeSource(raw: string): string {
  let out = '';
  let from = 0;
  for (let i = raw.indexOf('\\'); i >= 0 && i + 1 < raw.length; i = raw.indexOf('\\', from)) {
    out += raw.slice(from, i);
    const next = raw[i + 1]!;
    from = i + 2;
    if (next === 'u') {
      if (raw[from] === '{') {
        const end = raw.indexOf('}', from);
        const hex = end < 0 ? '' : raw.slice(from + 1, end);
        if (isHex(hex) && Number.parseInt(hex, 16) <= 0x10ffff) {
          out += String.fromCodePoint(Number.parseInt(hex, 16));
          from = end + 1;
          continue;
        }
      } else if (isHex(raw.slice(from, from + 4)) && raw.slice(from, from + 4).length === 4) {
        out += String.fromCharCode(Number.parseInt(raw.slice(from, from + 4), 16));
        from += 4;
        continue;
      }
      out += next;
    } else if (next === 'x' && raw.slice(from, from + 2).length === 2 && isHex(raw.slice(from, from + 2))) {
      out += String.fromCharCode(Number.parseInt(raw.slice(from, from + 2), 16));
      from += 2;
    } else if (next >= '0' && next <= '7') {
      // Legacy octal: up to three digits while the value stays below 256.
      let digits = next;
      const max = next <= '3' ? 3 : 2;
      while (digits.length < max && raw[from] !== undefined && raw[from]! >= '0' && raw[from]! <= '7') digits += raw[from++];
      out += String.fromCharCode(Number.parseInt(digits, 8));
    } else if (next === '\r') {
      if (raw[from] === '\n') from++;
    } else if (next !== '\n' && next !== '\u2028' && next !== '\u2029') {
      out += SINGLE_ESCAPES[next] ?? next;
    }
  }
  return out + raw.slice(from);
}

/**
 * Escapes that stand for a control character, a quote or a backslash (`\n`, `\t`, `\'`, `\\`):
 * no name is spelled with them, so a token holding only these shows its names in the plain text.
 */
const SPELLS_NO_NAME = new Set([...'ntrbfv\'"`\\'].map((c) => c.charCodeAt(0)));

/**
 * What the tokens holding an escape sequence that may spell a name stand for, one per line:
 * strings in quotes (`'jsonwebtoken'`), templates in backquotes, identifiers bare. An escape
 * (`'json\u0077ebtoken'`, `local\u0053torage`) can spell a name the plain text does not show.
 * Empty when there are none (backslashes in comments and regular expressions spell nothing).
 */
const escapedTokens = perFileCache((sourceCode): string => {
  const text = sourceCode.text;
  let index = text.indexOf('\\');
  const tokens = sourceCode.ast.tokens as readonly TSESTree.Token[] | undefined;
  if (!tokens) return unescapeSource(text);
  const pieces: string[] = [];
  while (index >= 0) {
    if (SPELLS_NO_NAME.has(text.charCodeAt(index + 1))) {
      index = text.indexOf('\\', index + 2);
      continue;
    }
    const token = tokenAt(tokens, index);
    if (token && token.type !== 'RegularExpression') {
      const raw = token.value;
      if (token.type === 'String') pieces.push(`'${unescapeSource(raw.slice(1, -1))}'`);
      else if (token.type === 'Template') pieces.push(`\`${unescapeSource(raw)}\``);
      else pieces.push(unescapeSource(raw));
    }
    index = text.indexOf('\\', token ? token.range[1] : index + 1);
  }
  return pieces.join('\n');
});

function escapedText(sourceCode: SourceCode): string {
  // Most files hold no backslash at all: nothing to keep for them.
  return sourceCode.text.includes('\\') ? escapedTokens(sourceCode) : '';
}

/** A test of a file's source text. */
export type TextTest = (text: string) => boolean;

/** A test made by `includesAny` or `includesAnyCase`: it also tells the words it looks for. */
interface WordTest extends TextTest {
  readonly words: readonly string[];
  /** Whether the words are looked for in any case (they are then in lower case). */
  readonly anyCase: boolean;
}

function isWordTest(test: TextTest): test is WordTest {
  return Array.isArray((test as Partial<WordTest>).words);
}

/**
 * A per-file gate from a text test: false only when nothing in the file's code can spell what
 * `test` looks for. The test runs on the file's vocabulary: each distinct token once, escapes
 * resolved, strings in their quotes and templates in backquotes, comments left out. That text is
 * several times shorter than the source, so a gate costs a fraction of a scan of the file. A test
 * must therefore look for what a single name, keyword, string or template piece holds (or a part of
 * one), never for operators or a sequence of tokens (`process.env`: look for `env`). Without tokens (a
 * parser that gives none) the source text and its escapes are tested. Make it once, at module
 * level: the answer is kept per file.
 *
 * A test made by `includesAny` or `includesAnyCase` is not run on its own: the words of all such
 * gates are found in one scan of the vocabulary per file (see `wordHits`), and the gate reads the answer.
 */
export function textGate(test: TextTest): (sourceCode: SourceCode) => boolean {
  if (isWordTest(test) && test.words.length > 0 && !test.words.includes('')) {
    const table = test.anyCase ? ANY_CASE_WORDS : CASED_WORDS;
    for (const word of test.words) table.words.add(word);
    const words = test.words;
    return perFileCache((sourceCode) => {
      const vocabulary = fileTokens(sourceCode)?.vocabulary;
      if (vocabulary !== undefined) return wordHits(sourceCode, table, vocabulary).has(words);
      if (test(sourceCode.text)) return true;
      const escaped = escapedText(sourceCode);
      return escaped !== '' && test(escaped);
    });
  }
  return perFileCache((sourceCode) => {
    const vocabulary = fileTokens(sourceCode)?.vocabulary;
    if (vocabulary !== undefined) return test(vocabulary);
    if (test(sourceCode.text)) return true;
    const escaped = escapedText(sourceCode);
    return escaped !== '' && test(escaped);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A test for any of `texts` occurring in the text: one regular expression, one scan whatever the
 * number of texts (a search per text costs a scan each, and a literal search is slow for short
 * needles whose first letter is common).
 */
export function includesAny(texts: readonly string[]): TextTest {
  return wordTest(texts, false);
}

/** `includesAny` in any case: `includesAnyCase(['token'])` holds for `Token`, `TOKEN`, `csrfToken`. */
export function includesAnyCase(texts: readonly string[]): TextTest {
  return wordTest(texts.map((t) => t.toLowerCase()), true);
}

function wordTest(texts: readonly string[], anyCase: boolean): WordTest {
  const list = [...new Set(texts)];
  const pattern = new RegExp(list.map(escapeRegExp).join('|'), anyCase ? 'i' : '');
  const test: TextTest = list.length === 0 ? () => false : list.includes('') ? () => true : (text) => pattern.test(text);
  return Object.assign(test, { words: list, anyCase });
}

/**
 * The words of the word-list gates, in one table per case mode. Filled while the modules that make
 * gates load (gates are made at module level) and the same for every file afterwards: it holds
 * nothing of any file, so concurrent and cached runs are unaffected. The scanner is compiled on
 * first use, and again if a gate made later added words.
 */
interface WordTable {
  readonly words: Set<string>;
  readonly anyCase: boolean;
  scanner: WordScanner | null;
}

const CASED_WORDS: WordTable = { words: new Set(), anyCase: false, scanner: null };
const ANY_CASE_WORDS: WordTable = { words: new Set(), anyCase: true, scanner: null };

interface WordScanner {
  readonly size: number;
  /**
   * Zero-width at every position where a word starts, capturing the longest word starting there
   * (alternatives longest first): every word that occurs is then the captured word, or a part of
   * one, at the position where it starts or inside a longer one.
   */
  readonly pattern: RegExp;
  /** Each word, and the words of the table that contain it (itself included). */
  readonly containers: ReadonlyMap<string, readonly string[]>;
}

function scannerOf(table: WordTable): WordScanner {
  if (table.scanner && table.scanner.size === table.words.size) return table.scanner;
  const words = [...table.words].sort((a, b) => b.length - a.length);
  const containers = new Map(words.map((word) => [word, words.filter((other) => other.includes(word))]));
  const pattern = new RegExp(`(?=(${words.map(escapeRegExp).join('|')}))`, table.anyCase ? 'gi' : 'g');
  table.scanner = { size: table.words.size, pattern, containers };
  return table.scanner;
}

/** The words of one table found in a file's vocabulary. */
class WordHits {
  constructor(
    readonly scanner: WordScanner,
    private readonly found: ReadonlySet<string>,
  ) {}

  /** Whether any of `words` (all in the table) occurs. */
  has(words: readonly string[]): boolean {
    for (const word of words) {
      for (const container of this.scanner.containers.get(word) ?? [word]) if (this.found.has(container)) return true;
    }
    return false;
  }
}

function scanWords(table: WordTable, vocabulary: string): WordHits {
  const scanner = scannerOf(table);
  const pattern = scanner.pattern;
  const found = new Set<string>();
  // The scan runs to its end before anything else can use the expression (`lastIndex` is reset both ways).
  pattern.lastIndex = 0;
  for (let match = pattern.exec(vocabulary); match !== null; match = pattern.exec(vocabulary)) {
    found.add(table.anyCase ? match[1]!.toLowerCase() : match[1]!);
    pattern.lastIndex = match.index + 1;
  }
  pattern.lastIndex = 0;
  return new WordHits(scanner, found);
}

const casedHits = perFileCache((): { hits: WordHits | null } => ({ hits: null }));
const anyCaseHits = perFileCache((): { hits: WordHits | null } => ({ hits: null }));

/** The words of `table` in the file's vocabulary: one scan per file for all the table's gates. */
function wordHits(sourceCode: SourceCode, table: WordTable, vocabulary: string): WordHits {
  const slot = (table.anyCase ? anyCaseHits : casedHits)(sourceCode);
  if (slot.hits === null || slot.hits.scanner.size !== table.words.size) {
    slot.hits = scanWords(table, vocabulary);
  }
  return slot.hits;
}

/**
 * A test for a string literal in the source whose whole value is one of `values`
 * (`'store'`, `"@vueuse/core"`). One regular expression: it runs as native code from the first file.
 */
export function quotesAny(values: readonly string[]): TextTest {
  const pattern = new RegExp(`['"](?:${values.map(escapeRegExp).join('|')})['"]`);
  return (text) => pattern.test(text);
}

/** What the file's tokens spell, read once per file. */
interface FileTokens {
  /**
   * Each distinct token once, one per line: names and keywords bare, strings with their quotes as
   * written, templates in backquotes (as written, with `${`), JSX text as written; a token holding an
   * escape also appears resolved (a string then in single quotes). Operators, numbers and regular
   * expressions are left out.
   */
  vocabulary: string;
  /** Values of string literals and of templates without substitutions, each once. */
  whole: readonly string[];
  /** Pieces of templates around their substitutions (`` `a${ `` gives `a`) and JSX text. */
  pieces: readonly string[];
}

/**
 * The file's tokens read in one pass (no regular expression over the whole text): its vocabulary
 * for word gates, and the values of its strings and template pieces; null when the parser gave no
 * tokens. Most tokens are punctuators and names: the pass keeps to a type test and one `Set`
 * insertion for those, and leaves the rarer strings and templates, each distinct one read once, to
 * a second step.
 */
const fileTokens = perFileCache((sourceCode): FileTokens | null => {
  const tokens = sourceCode.ast.tokens as readonly TSESTree.Token[] | undefined;
  if (!tokens) return null;
  const distinct = new Set<string>();
  const strings = new Set<string>();
  const others: TSESTree.Token[] = [];
  for (let i = 0, count = tokens.length; i < count; i++) {
    const token = tokens[i]!;
    const type = token.type;
    // Operators, numbers and regular expressions spell no name a gate looks for.
    if (type === 'Punctuator') continue;
    if (type === 'Identifier' || type === 'Keyword') distinct.add(token.value);
    else if (type === 'String') strings.add(token.value);
    else if (type !== 'Numeric' && type !== 'RegularExpression') others.push(token);
  }
  // An escape can spell a name the plain text does not show (`local\u0053torage`): a name can only
  // hold `\u` escapes, and most files hold none.
  if (sourceCode.text.includes('\\u')) {
    for (const name of [...distinct]) if (name.includes('\\')) distinct.add(unescapeSource(name));
  }
  const whole: string[] = [];
  const pieces: string[] = [];
  for (const raw of strings) {
    distinct.add(raw);
    const inner = raw.slice(1, -1);
    if (!inner.includes('\\')) {
      whole.push(inner);
      continue;
    }
    const value = unescapeSource(inner);
    whole.push(value);
    distinct.add(`'${value}'`);
  }
  for (const token of others) {
    const raw = token.value;
    const value = raw.includes('\\') ? unescapeSource(raw) : raw;
    distinct.add(value);
    if (token.type === 'JSXText') {
      // JSX text and attribute strings (quotes and all): no module name, but text all the same.
      pieces.push(value);
    } else if (token.type === 'Template' && raw.length >= 2) {
      // `` `a` `` is whole; `` `a${ ``, `` }b${ ``, `` }c` `` are pieces (each opens with a backquote
      // or the `}` closing a substitution, and ends with a backquote or `${`).
      const opensSubstitution = raw.endsWith('${');
      const inner = raw.slice(1, Math.max(1, opensSubstitution ? raw.length - 2 : raw.length - 1));
      const cooked = inner.includes('\\') ? unescapeSource(inner) : inner;
      (raw.charCodeAt(0) === 96 && !opensSubstitution ? whole : pieces).push(cooked);
    }
  }
  return { vocabulary: [...distinct].join('\n'), whole, pieces };
});

/** Longest string value `stringValues` keeps: module and package names are far shorter. */
const MAX_KEPT_STRING = 120;

/**
 * The values of the file's string literals and of its templates without substitutions, escapes
 * resolved, up to `MAX_KEPT_STRING` characters: every way a module name can be spelled in
 * `require('…')`, `import … from '…'`, `import('…')` or a constant. Null when the parser gave no tokens.
 */
const stringValues = perFileCache((sourceCode): ReadonlySet<string> | null => {
  const strings = fileTokens(sourceCode);
  if (!strings) return null;
  const values = new Set<string>();
  for (const value of strings.whole) if (value.length <= MAX_KEPT_STRING) values.add(value);
  return values;
});

/**
 * A per-file gate on the text of string literals and template pieces only (escapes resolved): true
 * when `pattern` matches one of them. Cheaper than a regular expression over the whole text, and
 * blind to comments and names. Make it once, at module level.
 */
export function stringGate(pattern: RegExp): (sourceCode: SourceCode) => boolean {
  const fallback = textGate((text) => pattern.test(text));
  return perFileCache((sourceCode) => {
    const strings = fileTokens(sourceCode);
    if (!strings) return fallback(sourceCode);
    for (const value of strings.whole) if (pattern.test(value)) return true;
    for (const value of strings.pieces) if (pattern.test(value)) return true;
    return false;
  });
}

/**
 * A per-file gate: whether some string literal (or substitution-free template) of the file has one
 * of `values` as its whole value, as a module name must be spelled to be loaded. A few `Set`
 * lookups per file, whatever the number of values, so a gate over a long catalog of modules costs
 * nothing on files that load none. Make it once, at module level.
 */
export function quotedAny(values: readonly string[]): (sourceCode: SourceCode) => boolean {
  const list = [...new Set(values)];
  const long = list.some((value) => value.length > MAX_KEPT_STRING);
  const fallback = textGate(quotesAny(list));
  // Kept per file: analyses ask it for every node they look at.
  return perFileCache((sourceCode) => {
    const strings = long ? null : stringValues(sourceCode);
    if (strings === null) return fallback(sourceCode);
    for (const value of list) if (strings.has(value)) return true;
    return false;
  });
}
