/**
 * Fixes that set the protecting attributes of a cookie: merged into an options object literal
 * (turned-off values replaced, missing ones added), as a new options argument, or appended to the
 * text of a `Set-Cookie` header.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '../core/cache.js';
import type { CookieAttribute } from '../../catalog/cookies.js';
import type { CookieOptions } from './cookies.js';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** The value each attribute is given. */
export const SAFE_ATTRIBUTE_TEXT: Readonly<Record<CookieAttribute, string>> = { httpOnly: 'true', secure: 'true', sameSite: "'lax'" };
/** The `Set-Cookie` attribute text for each. */
const HEADER_ATTRIBUTE_TEXT: Readonly<Record<CookieAttribute, string>> = { httpOnly: 'HttpOnly', secure: 'Secure', sameSite: 'SameSite=Lax' };

/** `httpOnly: true, secure: true, sameSite: 'lax'` for the given attributes, in that order. */
export function attributesText(attributes: readonly CookieAttribute[]): string {
  return attributes.map((a) => `${a}: ${SAFE_ATTRIBUTE_TEXT[a]}`).join(', ');
}

/** Where a property is inserted as the last one of an object literal, and with which text. */
function insertion(object: TSESTree.ObjectExpression, propertyText: string, sourceCode: SourceCode): (fixer: Fixer) => Fix {
  const last = object.properties[object.properties.length - 1];
  if (!last) return (fixer) => fixer.replaceText(object, `{ ${propertyText} }`);
  const after = sourceCode.getTokenAfter(last);
  if (after && after.value === ',') return (fixer) => fixer.insertTextAfter(after, ` ${propertyText},`);
  return (fixer) => fixer.insertTextAfter(last, `, ${propertyText}`);
}

/**
 * Sets `attributes` in an options object literal: the properties written with a turned-off value
 * get the safe value, the others are added at the end (with `extra` properties, already written
 * out). Null when a property to change is not written in the object itself.
 */
export function mergeAttributes(
  object: TSESTree.ObjectExpression,
  options: CookieOptions,
  attributes: readonly CookieAttribute[],
  sourceCode: SourceCode,
  extra: readonly string[] = [],
): ((fixer: Fixer) => Fix[]) | null {
  const replace: [TSESTree.Property, string][] = [];
  const add: string[] = [...extra];
  for (const attribute of attributes) {
    const property = options.properties[attribute];
    if (property && property.parent === object) {
      replace.push([property, SAFE_ATTRIBUTE_TEXT[attribute]]);
    } else if (options.states[attribute] === 'absent') {
      add.push(`${attribute}: ${SAFE_ATTRIBUTE_TEXT[attribute]}`);
    } else {
      return null;
    }
  }
  const insert = add.length > 0 ? insertion(object, add.join(', '), sourceCode) : null;
  return (fixer) => {
    const fixes = replace.map(([property, text]) => fixer.replaceText(property.value, text));
    if (insert) fixes.push(insert(fixer));
    return fixes;
  };
}

/** Adds an options argument after the last argument of a call. */
export function addOptionsArgument(call: TSESTree.CallExpression, text: string): ((fixer: Fixer) => Fix) | null {
  const last = call.arguments[call.arguments.length - 1];
  if (!last) return null;
  return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
}

/** Appends `; HttpOnly; Secure; SameSite=Lax` (the given ones) to the text of a `Set-Cookie` header. */
export function appendHeaderAttributes(node: TSESTree.Literal | TSESTree.TemplateLiteral, attributes: readonly CookieAttribute[]): ((fixer: Fixer) => Fix) | null {
  if (node.type === 'Literal' && typeof node.value !== 'string') return null;
  const text = attributes.map((a) => `; ${HEADER_ATTRIBUTE_TEXT[a]}`).join('');
  const at = node.range[1] - 1;
  return (fixer) => fixer.insertTextBeforeRange([at, at], text);
}
