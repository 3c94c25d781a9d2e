/**
 * Regular expressions that allow CORS origins: would an attacker's own origin pass one? Read from
 * the pattern's source text, branch by branch (top-level `|`), looking for the three mistakes that
 * let a registrable domain through: no `$` at the end (`example.com.attacker.net`), a host that may
 * be preceded by anything (`attacker-example.com`), and an unescaped `.` between two letters of a
 * host (`wwwxexample.com`). Anything not understood is not a weakness.
 */

export type PatternWeakness = 'unanchored-end' | 'open-prefix' | 'unescaped-dot';

export interface WeakPattern {
  weakness: PatternWeakness;
  /** An origin an attacker could register that the pattern accepts, when the host can be read. */
  example: string | null;
}

const WORD = /[\w-]/;
const MAX_PATTERN = 500;

/**
 * Calls `visit` with each character of a regular-expression source that no backslash escapes and
 * that stands outside a `[…]` class, in order, until `visit` returns true. Returns false when the
 * source ends inside a class.
 */
function forEachUnescaped(source: string, visit: (ch: string, i: number) => boolean): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    if (visit(ch, i)) return true;
  }
  return !inClass;
}

/** The first index `test` gives (≥ 0) for an unescaped character outside classes, or -1. */
function findUnescaped(branch: string, test: (ch: string, i: number) => number): number {
  let found = -1;
  forEachUnescaped(branch, (ch, i) => {
    found = test(ch, i);
    return found >= 0;
  });
  return found;
}

/** The top-level branches of a pattern, or null when its groups or classes do not balance. */
function branches(source: string): string[] | null {
  const result: string[] = [];
  let depth = 0;
  let start = 0;
  const balanced = forEachUnescaped(source, (ch, i) => {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      result.push(source.slice(start, i));
      start = i + 1;
    }
    return depth < 0;
  });
  if (!balanced || depth !== 0) return null;
  result.push(source.slice(start));
  return result;
}

/** The longest host-like literal of a branch as written (`example\.com`), if any. */
function hostOf(branch: string): string | null {
  const matches = branch.match(/[a-z0-9-]+(?:(?:\\\.|\.)[a-z0-9-]+)+/gi);
  if (!matches) return null;
  let best = '';
  for (const m of matches) if (m.length > best.length) best = m;
  return /[a-z]/i.test(best) ? best : null;
}

/** A host literal as text: `example\.com` → `example.com`. */
const hostText = (raw: string): string => raw.replace(/\\\./g, '.');

/** True when the branch ends with an unescaped `$` (possibly inside closing groups). */
function endsAnchored(branch: string): boolean {
  let end = branch.length;
  while (end > 0 && branch[end - 1] === ')') end--;
  if (end === 0 || branch[end - 1] !== '$') return false;
  let backslashes = 0;
  for (let i = end - 2; i >= 0 && branch[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/**
 * Index just after an unescaped `*` or `+` quantifier that is directly followed by a literal host
 * character (`.*example`, `[\w-]+example`), or -1.
 */
function openQuantifier(branch: string): number {
  return findUnescaped(branch, (ch, i) => {
    if (ch !== '*' && ch !== '+') return -1;
    // A repeated group (`([a-z0-9-]+\.)*example`) ends where its own content says.
    if (branch[i - 1] === ')') return -1;
    let next = i + 1;
    if (branch[next] === '?') next++;
    const following = branch[next];
    return following !== undefined && WORD.test(following) && following !== '-' ? next : -1;
  });
}

/** Index of an unescaped `.` outside classes between two host characters (`example.com`), or -1. */
function unescapedDot(branch: string): number {
  return findUnescaped(branch, (ch, i) => {
    if (ch !== '.' || i === 0) return -1;
    const before = branch[i - 1]!;
    const after = branch[i + 1];
    // `\w.com` has an escaped letter before the dot: not a literal host character.
    const escapedBefore = i > 1 && branch[i - 2] === '\\';
    return WORD.test(before) && !escapedBefore && after !== undefined && /[a-z]/i.test(after) ? i : -1;
  });
}

/** True when a branch begins with a scheme (`https?:\/\/`, `http://`) or a dot before the host. */
function startsSafely(branch: string): boolean {
  if (/^\((?:\?:)?\^\|\\\.\)/.test(branch)) return true;
  let text = branch.startsWith('^') ? branch.slice(1) : branch;
  while (text.startsWith('(?:') || text.startsWith('(')) text = text.slice(text.startsWith('(?:') ? 3 : 1);
  return /^(?:https?\??s?\??|wss?\??)(?::|\\:)/i.test(text) || text.startsWith('\\.');
}

/**
 * The first weakness of an origin pattern that lets an attacker's registrable domain through, or
 * null when none is found (or the pattern is not understood).
 */
export function weakOriginPattern(source: string): WeakPattern | null {
  if (source.length === 0 || source.length > MAX_PATTERN) return null;
  const parts = branches(source);
  if (!parts) return null;
  for (const branch of parts) {
    const host = hostOf(branch);
    // A branch without a host name (`^https:`) is not read; `localhost` alone can only be extended.
    if (!host) {
      if (/localhost/i.test(branch) && !endsAnchored(branch)) return { weakness: 'unanchored-end', example: 'https://localhost.attacker.net' };
      continue;
    }
    const shown = hostText(host);
    if (!endsAnchored(branch)) return { weakness: 'unanchored-end', example: `https://${shown}.attacker.net` };
    if (!branch.startsWith('^') && !startsSafely(branch)) return { weakness: 'open-prefix', example: `https://attacker-${shown}` };
    if (openQuantifier(branch) >= 0) return { weakness: 'open-prefix', example: `https://attacker-${shown}` };
    if (unescapedDot(host) >= 0) {
      const dot = unescapedDot(host);
      return { weakness: 'unescaped-dot', example: `https://${hostText(host.slice(0, dot))}x${hostText(host.slice(dot + 1))}` };
    }
  }
  return null;
}
