/**
 * How a query's filter selects records: is a filter key an identifier of one record (`number`),
 * a secret whose knowledge is the permission (`token`, `shareCode`), or a constant that keeps the
 * query to public records (`status: 'published'`)? Does a client value address a record (a URL path
 * parameter or a GraphQL argument, not a query string)? Which entity does a query read, normalised
 * so that queries of one model in a file can be compared?
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../core/ast.js';
import type { SourceCode } from '../core/cache.js';
import { nameWords } from '../core/names.js';
import { staticString } from '../core/static-value.js';
import type { Taint } from '../flow/taint.js';
import { type OrmCall } from './orm.js';
import { entityNames } from './orm-entities.js';

type Node = TSESTree.Node;

/** Keys that identify one record on their own, whatever the value's name (`invoices/:number`). */
export const IDENTIFIER_KEYS = new Set(['number', 'num', 'no', 'ref', 'reference', 'serial', 'serialnumber']);
/** Filter keys whose constant value keeps a query to records everyone may read. */
const PUBLIC_KEYS = new Set(['published', 'ispublished', 'public', 'ispublic', 'status', 'visibility', 'state', 'private', 'isprivate', 'draft', 'isdraft', 'listed', 'islisted', 'shared', 'isshared', 'visible', 'isvisible']);
const PUBLIC_VALUES = new Set(['published', 'public', 'live', 'active', 'listed', 'approved', 'visible']);

/** `published: true`, `status: 'published'`, `visibility: 'public'`, `isPrivate: false`, `draft: false`. */
export function isPublicMarker(key: string, raw: Node, sourceCode: SourceCode): boolean {
  const name = key.replace(/[_-]/g, '').toLowerCase();
  if (!PUBLIC_KEYS.has(name)) return false;
  const value = unwrap(raw);
  const constant = value.type === AST_NODE_TYPES.Literal ? value.value : staticString(value, sourceCode);
  if (typeof constant === 'boolean') return /private|draft/.test(name) ? constant === false : /public|published|listed|shared|visible/.test(name) && constant;
  return typeof constant === 'string' && PUBLIC_VALUES.has(constant.toLowerCase());
}

/** Words of a secret that grants access by being known: an invitation token, a share code, a signed key. */
const CAPABILITY_WORDS = new Set(['token', 'code', 'secret', 'key', 'hash', 'otp', 'nonce', 'signature', 'sig', 'ticket', 'invite', 'invitation', 'password', 'pin']);

/** `{ token: ctx.params.token }`, `{ shareCode: req.params.code }`: knowing the value is the permission. */
export function isCapability(name: string | null): boolean {
  if (!name) return false;
  const words = nameWords(name);
  return words.some((w) => CAPABILITY_WORDS.has(w));
}

/** A client value that addresses a record: a URL path parameter or a GraphQL resolver argument (not a query string or body field). */
export function addressesRecord(taint: Taint): boolean {
  const source = taint.source;
  if (source.role === 'graphql' || source.role === 'route-context') return true;
  if (source.role === 'value') return false;
  return /\bparams\b|\.param\(|valid\((['"])param\1\)/.test(source.text);
}

/** The entity a query reads, normalised: `Invoice`, `prisma.invoice`, `this.invoiceRepository`, `knex('invoices')` → `invoice`. */
export function entityKey(call: OrmCall): string | null {
  const CLIENTS = /^(prisma|db|database|knex|tx|trx|em|manager|entityManager|orm|client|this|models?|repo|repository|dataSource|connection)$/i;
  const name = entityNames(call).find((n) => !CLIENTS.test(n));
  if (!name) return null;
  const base = name.replace(/(Repository|Repo|Model|Collection|Table|Entity|Schema)$/, '').toLowerCase();
  return base.endsWith('s') ? base.slice(0, -1) : base;
}
