import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, getProperty, memberName, propertyName, singleValue, staticKeyName, unwrap } from '../analysis/core/ast.js';
import type { SourceCode } from '../analysis/core/cache.js';
import { jwtCall, mayUseJwt } from '../analysis/domains/jwt.js';
import { isEntityName, isSensitiveFieldName } from '../analysis/core/names.js';
import { ormCall } from '../analysis/domains/orm.js';
import { requestSource } from '../analysis/http/request-sources.js';
import { staticValue } from '../analysis/core/static-value.js';
import { JWT_ENTRIES } from '../catalog/jwt.js';
import { createRule } from '../util/create-rule.js';
import { recordOrigin } from '../analysis/domains/orm-shapes.js';

type Node = TSESTree.Node;
type MessageIds = 'sensitiveField' | 'wholeRecord' | 'requestBody';

/** Callee names of every catalogued sign entry point: the cheap first test. */
const SIGN_NAMES = new Set<string>(
  JWT_ENTRIES.filter((e) => e.operation === 'sign').flatMap((e) => e.methods ?? (e.path.length > 0 ? [e.path[e.path.length - 1]!] : [])),
);
/** Instance methods that turn an ORM record into a plain object with all its fields. */
const SERIALIZERS = new Set(['toJSON', 'toObject']);
/** Properties that expose an ORM record's raw attributes: Sequelize `dataValues`, Mongoose `_doc`. */
const RAW_RECORD_PROPERTIES = new Set(['dataValues', '_doc']);
/** Functions that copy their first argument whole (`structuredClone`, lodash `clone`/`cloneDeep`/`toPlainObject`). */
const COPIERS = new Set(['structuredClone', 'cloneDeep', 'clone', 'toPlainObject']);
const MAX_DEPTH = 8;

interface Finding {
  kind: 'field' | 'record' | 'body';
  node: Node;
  /** The field name, or a description of the record. */
  text: string;
}

function isPlainGet(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  // Sequelize `user.get({ plain: true })`: every attribute of the instance as a plain object.
  if (calleeName(call) !== 'get' || unwrap(call.callee).type !== AST_NODE_TYPES.MemberExpression) return false;
  const first = call.arguments[0];
  if (!first) return false;
  const options = unwrap(first);
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const plain = getProperty(options, 'plain');
  return !!plain && staticValue(plain.value, sourceCode)?.value === true;
}

function inspect(node: Node, sourceCode: SourceCode, findings: Finding[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = findVar(sourceCode, target);
      const value = variable ? singleValue(variable) : null;
      if (value) {
        const last = value.path[value.path.length - 1];
        if (last === undefined) {
          const before = findings.length;
          inspect(value.init, sourceCode, findings, depth + 1);
          // A record loaded into the variable is reported where it goes into the payload.
          const init = unwrap(value.init);
          const core = init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init;
          for (let i = before; i < findings.length; i++) {
            const found = findings[i]!.node;
            if (found === value.init || found === init || found === core) findings[i] = { ...findings[i]!, node };
          }
          // An object literal, or a query that names its fields, is judged by what it holds, not by its name.
          if (findings.length > before || knownShape(value.init) || isProjectedQuery(value.init, sourceCode)) return;
        } else if (last !== null && isSensitiveFieldName(last)) {
          findings.push({ kind: 'field', node, text: last });
          return;
        }
      }
      const declared = declaredShape(variable, sourceCode);
      if (declared) {
        // `(user: { id: string; role: string })`, `Pick<User, 'id' | 'role'>`, a local `interface
        // SessionUser { id; role }`: the type says what it holds.
        for (const key of declared) {
          if (isSensitiveFieldName(key)) findings.push({ kind: 'field', node, text: key });
        }
        return;
      }
      if (recordOrigin(target, sourceCode)) {
        findings.push({ kind: 'record', node, text: `\`${target.name}\`, a whole database record` });
        return;
      }
      if (isEntityName(target.name)) findings.push({ kind: 'record', node, text: `the whole \`${target.name}\` record` });
      return;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(target);
      if (name === null) return;
      if (name === 'body' && requestSource(target, sourceCode)) {
        // `jwt.sign(req.body)`, `{ user: req.body }`: whatever the client sent, a sign-up form's password included.
        findings.push({ kind: 'body', node, text: sourceCode.getText(target) });
        return;
      }
      if (RAW_RECORD_PROPERTIES.has(name)) findings.push({ kind: 'record', node, text: `\`${sourceCode.getText(target)}\`, a whole record` });
      else if (isSensitiveFieldName(name)) findings.push({ kind: 'field', node, text: name });
      else if (isEntityName(name)) findings.push({ kind: 'record', node, text: `the whole \`${sourceCode.getText(target)}\` record` });
      return;
    }
    case AST_NODE_TYPES.AwaitExpression:
      inspect(target.argument, sourceCode, findings, depth + 1);
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      inspect(target.consequent, sourceCode, findings, depth + 1);
      inspect(target.alternate, sourceCode, findings, depth + 1);
      return;
    case AST_NODE_TYPES.LogicalExpression:
      inspect(target.left, sourceCode, findings, depth + 1);
      inspect(target.right, sourceCode, findings, depth + 1);
      return;
    case AST_NODE_TYPES.ObjectExpression:
      for (const prop of target.properties) {
        if (prop.type === AST_NODE_TYPES.SpreadElement) {
          const inner: Finding[] = [];
          inspect(prop.argument, sourceCode, inner, depth + 1);
          for (const f of inner) findings.push(f.kind === 'field' ? f : { ...f, node: prop });
          continue;
        }
        const key = propertyName(prop);
        if (key !== null && isSensitiveFieldName(key)) {
          findings.push({ kind: 'field', node: prop, text: key });
          continue;
        }
        inspect(prop.value, sourceCode, findings, depth + 1);
      }
      return;
    case AST_NODE_TYPES.CallExpression: {
      const name = calleeName(target);
      const callee = unwrap(target.callee);
      if ((name === 'json' || name === 'formData') && requestSource(target, sourceCode)) {
        // Next.js / Web `await request.json()`
        findings.push({ kind: 'body', node, text: sourceCode.getText(target) });
        return;
      }
      const first = target.arguments[0];
      const firstArg = first && first.type !== AST_NODE_TYPES.SpreadElement ? first : null;
      if (callee.type === AST_NODE_TYPES.MemberExpression && name !== null && SERIALIZERS.has(name)) {
        findings.push({ kind: 'record', node, text: `\`${sourceCode.getText(callee)}()\`, a whole serialized record` });
        return;
      }
      if (isPlainGet(target, sourceCode)) {
        findings.push({ kind: 'record', node, text: `\`${sourceCode.getText(callee)}(…)\`, a whole record` });
        return;
      }
      if (name === 'assign' && callee.type === AST_NODE_TYPES.MemberExpression) {
        // `Object.assign({}, user, extra)`: everything copied in.
        for (const arg of target.arguments) {
          if (arg.type !== AST_NODE_TYPES.SpreadElement) inspect(arg, sourceCode, findings, depth + 1);
        }
        return;
      }
      if (name === 'parse' && firstArg) {
        // `JSON.parse(JSON.stringify(user))`
        const inner = unwrap(firstArg);
        if (inner.type === AST_NODE_TYPES.CallExpression && calleeName(inner) === 'stringify' && inner.arguments[0]) {
          inspect(inner.arguments[0], sourceCode, findings, depth + 1);
        }
        return;
      }
      if (name !== null && COPIERS.has(name) && firstArg) {
        inspect(firstArg, sourceCode, findings, depth + 1);
        return;
      }
      const orm = ormCall(target, sourceCode);
      if (orm && (orm.operation === 'find' || orm.operation === 'create' || orm.operation === 'upsert') && orm.projection !== 'explicit') {
        findings.push({ kind: 'record', node, text: `the result of \`${orm.method}()\`, a whole database record` });
      }
      return;
    }
    default:
      return;
  }
}

/**
 * The field names a parameter or variable is declared with, when its type spells them out: a type
 * literal, `Pick<T, 'a' | 'b'>`, or a type alias / interface declared in this file that is one
 * (interfaces that extend others are not followed). Null when the type does not say.
 */
function declaredShape(variable: TSESLint.Scope.Variable | null, sourceCode: SourceCode): string[] | null {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def || (def.type !== 'Parameter' && def.type !== 'Variable')) return null;
  const name = def.name;
  if (name.type !== AST_NODE_TYPES.Identifier || !name.typeAnnotation) return null;
  return typeFields(name.typeAnnotation.typeAnnotation, sourceCode, 0);
}

function typeFields(type: TSESTree.TypeNode, sourceCode: SourceCode, depth: number): string[] | null {
  if (depth > MAX_DEPTH) return null;
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return memberNames(type.members);
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
  if (type.typeName.name === 'Pick') {
    const picked = type.typeArguments?.params[1];
    return picked ? pickedKeys(picked) ?? [] : [];
  }
  const variable = findVar(sourceCode, type.typeName);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Type') return null;
  const declaration = def.node;
  if (declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration) return typeFields(declaration.typeAnnotation, sourceCode, depth + 1);
  if (declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.extends.length === 0) {
    return memberNames(declaration.body.body);
  }
  return null;
}

function memberNames(members: readonly TSESTree.TypeElement[]): string[] {
  const names: string[] = [];
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.TSPropertySignature) continue;
    const key = staticKeyName(member.key, member.computed);
    if (key !== null) names.push(key);
  }
  return names;
}

/** `'id' | 'role'` → `['id', 'role']`; null when a member is not a string literal type. */
function pickedKeys(type: TSESTree.TypeNode): string[] | null {
  const parts = type.type === AST_NODE_TYPES.TSUnionType ? type.types : [type];
  const keys: string[] = [];
  for (const part of parts) {
    if (part.type !== AST_NODE_TYPES.TSLiteralType || part.literal.type !== AST_NODE_TYPES.Literal) return null;
    if (typeof part.literal.value !== 'string') return null;
    keys.push(part.literal.value);
  }
  return keys;
}

/** `await prisma.user.findUnique({ where, select: { id: true } })`: a query that returns only the fields it names. */
function isProjectedQuery(node: Node, sourceCode: SourceCode): boolean {
  let target = unwrap(node);
  if (target.type === AST_NODE_TYPES.AwaitExpression) target = unwrap(target.argument);
  return target.type === AST_NODE_TYPES.CallExpression && ormCall(target, sourceCode)?.projection === 'explicit';
}

/** An initializer whose shape is known (an object literal): its name then says nothing more. */
function knownShape(node: Node): boolean {
  return unwrap(node).type === AST_NODE_TYPES.ObjectExpression;
}

export default createRule<[], MessageIds>({
  name: 'no-sensitive-jwt-payload',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow signing passwords, secrets, personal data or whole user records into JWT payloads',
      recommended: 'recommended',
      cwe: 'CWE-200',
      owasp: ['API3:2023', 'API2:2023'],
    },
    messages: {
      sensitiveField:
        'The {{library}} token payload contains `{{field}}`. A JWT payload is only base64-encoded, so anyone holding the token can read it: sign only the claims the API needs (`sub`, `role`).',
      requestBody:
        'The {{library}} token payload is the whole request body `{{text}}`, so whatever the client sent (a login or sign-up password included) goes into a token anyone holding it can read. Sign explicit claims instead, e.g. `{ sub: user.id, role: user.role }`.',
      wholeRecord:
        'The {{library}} token payload is {{what}}, which puts every field (password hash included) into a token anyone holding it can read. Sign explicit claims instead, e.g. `{ sub: user.id, role: user.role }`.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // No JWT library can be loaded here: nothing in the file is a JWT call.
    if (!mayUseJwt(sourceCode)) return {};
    // A payload object reached from several sign calls is reported once.
    const seen = new Set<Node>();
    return {
      CallExpression(node) {
        const name = calleeName(node);
        // A sign function can be imported or destructured under any name (`const { sign: issue } = require('jsonwebtoken')`).
        if (name === null || (!SIGN_NAMES.has(name) && unwrap(node.callee).type !== AST_NODE_TYPES.Identifier)) return;
        const call = jwtCall(node, sourceCode);
        if (!call || call.operation !== 'sign' || !call.payload) return;
        const findings: Finding[] = [];
        inspect(call.payload, sourceCode, findings, 0);
        for (const finding of findings) {
          if (seen.has(finding.node)) continue;
          seen.add(finding.node);
          if (finding.kind === 'field') {
            context.report({ node: finding.node, messageId: 'sensitiveField', data: { library: call.library, field: finding.text } });
          } else if (finding.kind === 'body') {
            context.report({ node: finding.node, messageId: 'requestBody', data: { library: call.library, text: finding.text } });
          } else {
            context.report({ node: finding.node, messageId: 'wholeRecord', data: { library: call.library, what: finding.text } });
          }
        }
      },
    };
  },
});
