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
 * What the tokens holding a backslash (other than regular expressions) stand for, one per line:
 * strings in quotes (`'jsonwebtoken'`), templates in backquotes, identifiers bare. An escape
 * sequence (`'json\u0077ebtoken'`, `local\u0053torage`) can spell a name the plain text does not
 * show. Empty when there are none (backslashes in comments and regular expressions spell nothing).
 */
const escapedText = perFileCache((sourceCode): string => {
  const text = sourceCode.text;
  let index = text.indexOf('\\');
  if (index < 0) return '';
  const tokens = sourceCode.ast.tokens as readonly TSESTree.Token[] | undefined;
  if (!tokens) return unescapeSource(text);
  const pieces: string[] = [];
  while (index >= 0) {
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

/** A test of a file's source text, kept per file by `mayMention`. */
export type TextTest = (text: string) => boolean;

const mentionCache = perFileCache(() => new Map<TextTest, boolean>());

/**
 * False only when nothing in the file can spell what `test` looks for: it fails on the source
 * text and on what the file's escape sequences stand for (strings are seen in single quotes). A
 * cheap per-file gate to run before looking for uses of a module or a global name. Pass the same
 * (module-level) function every time: the answer is kept per file and per function.
 */
export function mayMention(sourceCode: SourceCode, test: TextTest): boolean {
  const cache = mentionCache(sourceCode);
  let answer = cache.get(test);
  if (answer === undefined) {
    answer = test(sourceCode.text);
    if (!answer) {
      const escaped = escapedText(sourceCode);
      answer = escaped !== '' && test(escaped);
    }
    cache.set(test, answer);
  }
  return answer;
}

/** A test for any of `texts` occurring in the source. */
export function includesAny(texts: readonly string[]): TextTest {
  const list = [...texts];
  return (text) => {
    for (const needle of list) if (text.includes(needle)) return true;
    return false;
  };
}

/**
 * A test for a string literal in the source whose whole value is one of `values`
 * (`'store'`, `"@vueuse/core"`): each quote is checked for one of them followed by the same quote.
 */
export function quotesAny(values: readonly string[]): TextTest {
  const list = [...values];
  const firstChars = new Set(list.map((v) => v.charCodeAt(0)));
  return (text) => {
    for (const quote of ["'", '"']) {
      const closing = quote.charCodeAt(0);
      for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
        if (!firstChars.has(text.charCodeAt(i + 1))) continue;
        for (const value of list) {
          if (text.charCodeAt(i + 1 + value.length) === closing && text.startsWith(value, i + 1)) return true;
        }
      }
    }
    return false;
  };
}
