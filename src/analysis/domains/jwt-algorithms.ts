/** Which algorithms a JWT key verifies, from evidence about the key, and whether the verifying library restricts them by itself. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, findVar, getProperty, memberName, singleValue, unwrap } from '../core/ast.js';
import { type SourceCode } from '../core/cache.js';
import { declarationAtLeast, declaredDependency } from '../core/dependencies.js';

import { fromModule, isModulePath, resolveModule } from '../core/modules.js';
import { nameWords } from '../core/names.js';

import { staticString } from '../core/static-value.js';
import { ALGORITHM_RESTRICTING_RELEASES, ASYMMETRIC_ALGORITHMS, FILE_READERS, HMAC_ALGORITHMS, SECRET_SOURCES } from '../../catalog/jwt.js';
import { looksLikeAsymmetricKey, envVariableName, readonlyField, CONFIG_GETTERS } from './jwt-keys.js';

import { MAX_DEPTH, resolveValueNode } from '../core/object-values.js';

import { argAt, isHmacAlgorithm, isAsymmetricAlgorithm, type JwtCall } from './jwt.js';


type Node = TSESTree.Node;

// ---------------------------------------------------------------------------------------------
// Which algorithms a key verifies: evidence from where the key comes from

const RSA_ALGORITHMS: readonly string[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const EC_ALGORITHMS: readonly string[] = ['ES256', 'ES384', 'ES512', 'ES256K'];
const EDDSA_ALGORITHMS: readonly string[] = ['EdDSA', 'Ed25519'];

/** Words of a name that say "a public or private key, a certificate or a key set". */
const ASYMMETRIC_WORDS = new Set(['public', 'private', 'pub', 'pem', 'cert', 'certs', 'certificate', 'jwks', 'jwk', 'spki', 'pkcs', 'keypair']);
/** Words of a name that say "a shared secret". */
const HMAC_WORDS = new Set(['secret', 'hmac']);
/** The libraries' own option names, which say nothing about the key they hold. */
const NEUTRAL_KEY_NAMES = new Set(['secretorkey', 'secretorpublickey', 'secretorprivatekey', 'secretorkeyprovider']);
/** Files that hold a PEM/DER key or a certificate. */
const KEY_FILE = /\.(?:pem|key|crt|cer|pub|der|p8)$/i;
/** Methods that hand the key text on unchanged in kind (`process.env.KEY.replace(/\\n/g, '\n')`). */
const KEY_PASS_THROUGH = new Set(['toString', 'trim', 'replace', 'replaceAll', 'normalize']);

/** Key factories and what the key they make verifies; an algorithm or key type argument narrows it. */
const KEY_FACTORY_EVIDENCE: readonly {
  modules: readonly string[];
  path: readonly string[];
  algorithms: readonly string[];
  algorithmArg?: number;
  typeArg?: number;
  keyArg?: number;
}[] = [
  { modules: ['crypto'], path: ['createPublicKey'], algorithms: ASYMMETRIC_ALGORITHMS, keyArg: 0 },
  { modules: ['crypto'], path: ['createPrivateKey'], algorithms: ASYMMETRIC_ALGORITHMS, keyArg: 0 },
  { modules: ['crypto'], path: ['createSecretKey'], algorithms: HMAC_ALGORITHMS },
  { modules: ['crypto'], path: ['randomBytes'], algorithms: HMAC_ALGORITHMS },
  { modules: ['crypto'], path: ['generateKeyPairSync'], algorithms: ASYMMETRIC_ALGORITHMS, typeArg: 0 },
  { modules: ['jose'], path: ['importSPKI'], algorithms: ASYMMETRIC_ALGORITHMS, algorithmArg: 1 },
  { modules: ['jose'], path: ['importPKCS8'], algorithms: ASYMMETRIC_ALGORITHMS, algorithmArg: 1 },
  { modules: ['jose'], path: ['importX509'], algorithms: ASYMMETRIC_ALGORITHMS, algorithmArg: 1 },
  { modules: ['jose'], path: ['importJWK'], algorithms: [...HMAC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS], algorithmArg: 1, keyArg: 0 },
  { modules: ['jose'], path: ['generateKeyPair'], algorithms: ASYMMETRIC_ALGORITHMS, algorithmArg: 0 },
  { modules: ['jose'], path: ['generateSecret'], algorithms: HMAC_ALGORITHMS, algorithmArg: 0 },
  { modules: ['jose'], path: ['createRemoteJWKSet'], algorithms: ASYMMETRIC_ALGORITHMS },
  { modules: ['jose'], path: ['createLocalJWKSet'], algorithms: ASYMMETRIC_ALGORITHMS },
  // jose 1.x/2.x: the key type follows the material (`JWK.asKey(secret)` is `oct`, PEM text asymmetric)
  { modules: ['jose'], path: ['JWK', 'asKey'], algorithms: [...HMAC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS], keyArg: 0 },
  { modules: ['jwks-rsa'], path: ['expressJwtSecret'], algorithms: ASYMMETRIC_ALGORITHMS },
  { modules: ['jwks-rsa'], path: ['passportJwtSecret'], algorithms: ASYMMETRIC_ALGORITHMS },
];

/**
 * What is known about the algorithms a key can verify:
 * - `none`: nothing says;
 * - `conflict`: two pieces of evidence disagree (a `publicKey` holding `process.env.JWT_SECRET`);
 * - `algorithms`: the algorithms every piece of evidence allows.
 */
export type KeyAlgorithmEvidence =
  | { kind: 'none' }
  | { kind: 'conflict' }
  | { kind: 'algorithms'; algorithms: readonly string[] };

/** An algorithm named inside a name (`JWT_RS256_PUBLIC_KEY`, `jwtRS256.key`), canonical spelling. */
function algorithmInName(name: string): string | null {
  for (const m of name.matchAll(/(hs|rs|ps|es)(256|384|512)(?!\d)/gi)) {
    const before = m.index === 0 ? '' : name[m.index - 1]!;
    const upper = m[1] === m[1]!.toUpperCase();
    if (before === '' || !/[A-Za-z]/.test(before) || (upper && /[a-z]/.test(before))) return `${m[1]!.toUpperCase()}${m[2]}`;
  }
  return null;
}

/** What a name says about the key it holds (`publicKey`, `JWT_SECRET`, `config.jwt.secret` → `secret`). */
export function keyNameAlgorithms(name: string): readonly string[] | null {
  if (NEUTRAL_KEY_NAMES.has(name.toLowerCase().replace(/[^a-z0-9]/g, ''))) return null;
  const named = algorithmInName(name);
  if (named) return [named];
  const words = nameWords(name);
  const hmac = words.some((w) => HMAC_WORDS.has(w));
  const rsa = words.includes('rsa');
  const ec = words.includes('ec') || words.includes('ecdsa');
  const ed = words.includes('eddsa');
  const asymmetric = rsa || ec || ed || words.some((w) => ASYMMETRIC_WORDS.has(w));
  if (hmac && asymmetric) return [];
  if (hmac) return HMAC_ALGORITHMS;
  if (rsa && !ec) return RSA_ALGORITHMS;
  if (ec && !rsa) return EC_ALGORITHMS;
  if (ed && !rsa && !ec) return EDDSA_ALGORITHMS;
  return asymmetric ? ASYMMETRIC_ALGORITHMS : null;
}

/** DER object identifiers (tag, length, value) of key types and EC curves. */
const OID_RSA = '06092a864886f70d010101';
const OID_EC = '06072a8648ce3d0201';
const OID_EDDSA = ['06032b6570', '06032b6571'];
const OID_CURVES: readonly [string, string][] = [
  ['06082a8648ce3d030107', 'ES256'],
  ['06052b81040022', 'ES384'],
  ['06052b81040023', 'ES512'],
  ['06052b8104000a', 'ES256K'],
];

/**
 * The algorithms a PEM (or JWK) key text verifies, read from its header and the key type inside:
 * RSA → the RS and PS algorithms, an EC key → the ES algorithm of its curve, Ed25519/Ed448 → EdDSA; any
 * public-key algorithm when the text cannot be read further; HMAC for a JWK of type `oct`.
 */
export function pemAlgorithms(text: string): readonly string[] {
  const kty = /"kty"\s*:\s*"(\w+)"/.exec(text)?.[1];
  if (kty !== undefined) {
    if (kty === 'oct') return HMAC_ALGORITHMS;
    if (kty === 'RSA') return RSA_ALGORITHMS;
    if (kty === 'EC') return EC_ALGORITHMS;
    if (kty === 'OKP') return EDDSA_ALGORITHMS;
  }
  if (/-----BEGIN RSA (?:PUBLIC|PRIVATE) KEY-----/.test(text)) return RSA_ALGORITHMS;
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return ASYMMETRIC_ALGORITHMS;
  const body = m[2]!
    .replace(/\\n/g, '\n')
    .split(/\r?\n/)
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/=]+$/.test(body)) return ASYMMETRIC_ALGORITHMS;
  const der = Buffer.from(body, 'base64');
  const has = (hex: string): boolean => der.indexOf(Buffer.from(hex, 'hex')) >= 0;
  const rsa = has(OID_RSA);
  const ec = has(OID_EC) || m[1] === 'EC PRIVATE KEY';
  const ed = OID_EDDSA.some(has);
  if (Number(rsa) + Number(ec) + Number(ed) !== 1) return ASYMMETRIC_ALGORITHMS;
  if (rsa) return RSA_ALGORITHMS;
  if (ed) return EDDSA_ALGORITHMS;
  for (const [oid, alg] of OID_CURVES) if (has(oid)) return [alg];
  return EC_ALGORITHMS;
}

/** A key written as text: a PEM/JWK says its type; any other string is a shared secret. */
function keyTextAlgorithms(text: string): readonly string[] {
  return looksLikeAsymmetricKey(text) ? pemAlgorithms(text) : HMAC_ALGORITHMS;
}

function canonicalAlgorithm(name: string): string | null {
  const upper = name.toUpperCase();
  return [...HMAC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS].find((a) => a.toUpperCase() === upper) ?? null;
}

/**
 * What the key expression's provenance says about the algorithms it verifies: PEM text, a read of a
 * `*.pem`/`*.key`/`*.crt` file, a key factory (`createPublicKey`, `createSecretKey`, JWKS clients),
 * a JWK object, a string written in the code (a shared secret), and the names the value travels
 * through (`publicKey`, `privateKey`, `jwks`, `cert` → public-key algorithms; `secret`,
 * `JWT_SECRET`, `config.jwt.secret`, `user.jwtSecret` → HMAC). Names of containers are not
 * evidence: `secrets.jwtPublicKey` is a public key.
 */
export function keyAlgorithmEvidence(node: Node, sourceCode: SourceCode): KeyAlgorithmEvidence {
  const pieces: (readonly string[])[] = [];
  try {
    collectKeyEvidence(node, sourceCode, pieces, 0, new Set());
  } catch {
    return { kind: 'none' };
  }
  if (pieces.length === 0) return { kind: 'none' };
  let algorithms: readonly string[] = pieces[0]!;
  for (const piece of pieces.slice(1)) {
    algorithms = algorithms.filter((a) => piece.some((b) => b.toUpperCase() === a.toUpperCase()));
  }
  return algorithms.length === 0 ? { kind: 'conflict' } : { kind: 'algorithms', algorithms };
}

function collectKeyEvidence(raw: Node, sourceCode: SourceCode, out: (readonly string[])[], depth: number, seen: Set<Node>): void {
  if (depth > MAX_DEPTH || seen.has(raw)) return;
  seen.add(raw);
  const node = unwrap(raw);
  const add = (algorithms: readonly string[] | null): void => {
    if (algorithms) out.push(algorithms);
  };
  const next = (child: Node): void => collectKeyEvidence(child, sourceCode, out, depth + 1, seen);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof node.value === 'string') add(keyTextAlgorithms(node.value));
      return;
    case AST_NODE_TYPES.TemplateLiteral: {
      const text = staticString(node, sourceCode);
      if (text !== null) {
        add(keyTextAlgorithms(text));
        return;
      }
      // `-----BEGIN PUBLIC KEY-----\n${process.env.KEY_BODY}\n-----END PUBLIC KEY-----`
      const quasis = node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('\n');
      if (/-----BEGIN RSA /.test(quasis)) add(RSA_ALGORITHMS);
      else if (/-----BEGIN EC /.test(quasis)) add(EC_ALGORITHMS);
      else if (/-----BEGIN [A-Z ]*(?:KEY|CERTIFICATE)-----/.test(quasis)) add(ASYMMETRIC_ALGORITHMS);
      return;
    }
    case AST_NODE_TYPES.AwaitExpression:
      next(node.argument);
      return;
    case AST_NODE_TYPES.LogicalExpression:
      if (node.operator !== '&&') next(node.left);
      next(node.right);
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      next(node.consequent);
      next(node.alternate);
      return;
    case AST_NODE_TYPES.ObjectExpression: {
      const kty = getProperty(node, 'kty');
      const type = kty ? staticString(kty.value, sourceCode) : null;
      if (type !== null) add(pemAlgorithms(`{"kty":"${type}"}`));
      if (getProperty(node, 'passphrase')) add(ASYMMETRIC_ALGORITHMS);
      const key = getProperty(node, 'key');
      if (key) next(key.value);
      return;
    }
    case AST_NODE_TYPES.Identifier: {
      const env = envVariableName(node, sourceCode);
      if (env !== null) {
        add(keyNameAlgorithms(env));
        return;
      }
      add(keyNameAlgorithms(node.name));
      const variable = findVar(sourceCode, node);
      if (!variable || variable.defs.length !== 1) return;
      const def = variable.defs[0]!;
      if (def.type === 'Parameter') {
        const param = def.name.parent;
        if (param?.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name) next(param.right);
        return;
      }
      const value = singleValue(variable);
      if (!value) return;
      if (value.path.length === 0) {
        next(value.init);
        return;
      }
      const resolved = resolveValueNode(node, sourceCode);
      if (resolved && resolved !== node) next(resolved);
      else if (value.defaultValue) next(value.defaultValue);
      else {
        // `const { publicKey } = generateKeyPairSync('ec', …)`, `= await generateKeyPair('ES256')`
        const init = unwrap(value.init);
        if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.AwaitExpression) next(init);
      }
      return;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const env = envVariableName(node, sourceCode);
      if (env !== null) {
        add(keyNameAlgorithms(env));
        return;
      }
      const name = memberName(node);
      if (name === null) return;
      add(keyNameAlgorithms(name));
      if (unwrap(node.object).type === AST_NODE_TYPES.ThisExpression) {
        const field = readonlyField(node, name);
        if (field) next(field);
        return;
      }
      const resolved = resolveValueNode(node, sourceCode);
      if (resolved && resolved !== node) next(resolved);
      return;
    }
    case AST_NODE_TYPES.CallExpression:
      callKeyEvidence(node, sourceCode, out, next);
      return;
    default:
      return;
  }
}

function callKeyEvidence(
  node: TSESTree.CallExpression,
  sourceCode: SourceCode,
  out: (readonly string[])[],
  next: (child: Node) => void,
): void {
  const callee = unwrap(node.callee);
  const name = calleeName(node);
  const arg = (i: number): Node | null => {
    const a = argAt(node, i);
    return a && a.type !== AST_NODE_TYPES.SpreadElement ? a : null;
  };
  const first = arg(0);
  const ref = resolveModule(callee, sourceCode);
  if (ref) {
    if (FILE_READERS.some((r) => isModulePath(ref, r.modules, r.path))) {
      if (first) keyFileEvidence(first, sourceCode, out, 0);
      return;
    }
    for (const row of KEY_FACTORY_EVIDENCE) {
      if (!isModulePath(ref, row.modules, row.path)) continue;
      let algorithms = row.algorithms;
      const alg = row.algorithmArg === undefined ? null : arg(row.algorithmArg);
      const named = alg ? staticString(alg, sourceCode) : null;
      const canonical = named === null ? null : canonicalAlgorithm(named);
      if (canonical) algorithms = [canonical];
      const typeNode = row.typeArg === undefined ? null : arg(row.typeArg);
      const type = typeNode ? staticString(typeNode, sourceCode) : null;
      if (type === 'rsa' || type === 'rsa-pss') algorithms = RSA_ALGORITHMS;
      else if (type === 'ec') algorithms = EC_ALGORITHMS;
      else if (type === 'ed25519' || type === 'ed448') algorithms = EDDSA_ALGORITHMS;
      out.push(algorithms);
      const key = row.keyArg === undefined ? null : arg(row.keyArg);
      if (key) next(key);
      return;
    }
    // A secret store may hold a key of any kind.
    if (SECRET_SOURCES.some((s) => fromModule(ref, s.modules) && name !== null && s.methods.includes(name))) return;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    if (name !== null && KEY_PASS_THROUGH.has(name)) {
      next(object);
      return;
    }
    if (name === 'from' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Buffer' && first) {
      next(first);
      return;
    }
    if (name === 'encode' && object.type === AST_NODE_TYPES.NewExpression && calleeName(object) === 'TextEncoder' && first) {
      next(first);
      return;
    }
    if (name !== null && CONFIG_GETTERS.has(name) && first) {
      // `configService.get('JWT_PUBLIC_KEY')`, `config.get('auth.jwt.secret')`: the last segment names it.
      const key = staticString(first, sourceCode);
      if (key !== null) {
        const segment = key.split(/[.:/]/).pop() ?? key;
        const found = keyNameAlgorithms(segment);
        if (found) out.push(found);
        const fallback = arg(1);
        if (fallback && name === 'get') next(fallback);
        return;
      }
    }
  }
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && !findVar(sourceCode, callee)?.defs.length && first) {
    next(first);
    return;
  }
  if (!ref && (name === 'readFileSync' || name === 'readFile') && first) {
    keyFileEvidence(first, sourceCode, out, 0);
    return;
  }
  // `getPublicKey()`, `loadJwtSecret()`: the function's name.
  if (name !== null) {
    const found = keyNameAlgorithms(name);
    if (found) out.push(found);
  }
}

/** Evidence from the path of a key file: its extension, its base name and the names that build it. */
function keyFileEvidence(raw: Node, sourceCode: SourceCode, out: (readonly string[])[], depth: number): void {
  if (depth > 4) return;
  const node = unwrap(raw);
  const text = staticString(node, sourceCode);
  if (text !== null) {
    const base = text.split(/[\\/]/).pop() ?? '';
    if (KEY_FILE.test(base)) out.push(ASYMMETRIC_ALGORITHMS);
    const named = keyNameAlgorithms(base.replace(/\.[^.]*$/, ''));
    if (named) out.push(named);
    return;
  }
  const again = (child: Node): void => keyFileEvidence(child, sourceCode, out, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.TemplateLiteral: {
      const last = node.quasis[node.quasis.length - 1];
      const tail = (last ? (last.value.cooked ?? last.value.raw) : '').split(/[\\/]/).pop() ?? '';
      if (KEY_FILE.test(tail)) out.push(ASYMMETRIC_ALGORITHMS);
      const named = tail.includes('.') ? keyNameAlgorithms(tail.replace(/\.[^.]*$/, '')) : null;
      if (named) out.push(named);
      for (const expression of node.expressions) again(expression);
      return;
    }
    case AST_NODE_TYPES.BinaryExpression:
      if (node.operator === '+') {
        again(node.left);
        again(node.right);
      }
      return;
    case AST_NODE_TYPES.CallExpression:
      // `path.join(__dirname, 'keys', 'public.pem')`: the last argument names the file.
      for (const a of node.arguments.slice(-1)) if (a.type !== AST_NODE_TYPES.SpreadElement) again(a);
      return;
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const env = envVariableName(node, sourceCode);
      const name = env ?? (node.type === AST_NODE_TYPES.Identifier ? node.name : memberName(node));
      const found = name === null ? null : keyNameAlgorithms(name);
      if (found) out.push(found);
      return;
    }
    default:
      return;
  }
}

function isKnownAlgorithm(name: string): boolean {
  return isHmacAlgorithm(name) || isAsymmetricAlgorithm(name);
}

/**
 * The algorithm allow-list the evidence supports for a verification, or null when evidence is
 * missing or conflicting:
 * - the algorithms this file signs with, when they are of one family and the key allows them;
 * - otherwise the key's evidence: one algorithm when it names one, `HS256` for a shared secret,
 *   `RS256` for a public/private key of unknown type (RSA when nothing narrows it).
 */
export function evidencedAlgorithms(key: KeyAlgorithmEvidence, signed: readonly string[]): string[] | null {
  if (key.kind === 'conflict') return null;
  const distinct: string[] = [];
  for (const name of signed) {
    if (!isKnownAlgorithm(name) || distinct.some((d) => d.toUpperCase() === name.toUpperCase())) continue;
    distinct.push(name);
  }
  if (distinct.length > 0) {
    if (distinct.some(isHmacAlgorithm) && distinct.some(isAsymmetricAlgorithm)) return null;
    if (key.kind === 'algorithms' && !distinct.every((a) => key.algorithms.some((k) => k.toUpperCase() === a.toUpperCase()))) {
      return null;
    }
    return distinct;
  }
  if (key.kind !== 'algorithms') return null;
  const { algorithms } = key;
  if (algorithms.length === 1) return [algorithms[0]!];
  if (algorithms.every(isHmacAlgorithm) && algorithms.includes('HS256')) return ['HS256'];
  if (algorithms.every(isAsymmetricAlgorithm) && algorithms.includes('RS256')) return ['RS256'];
  return null;
}

// ---------------------------------------------------------------------------------------------
// Library versions

/**
 * Whether the library a verification runs in restricts algorithms to the key's type by itself,
 * judged by the range the project declares for it:
 * - `restricts`: every declared version does;
 * - `may-not-restrict`: the range admits an earlier version;
 * - `key-typed`: the entry point exists only in versions that accept only the key's own algorithms
 *   (jose 1.x/2.x `JWT.verify()`, whose `algorithms` default is "all algorithms of the key"); no
 *   `package.json` is read;
 * - `unknown`: no declaration found, or it cannot be read;
 * - `not-applicable`: the library has no such version boundary.
 * Reads `package.json` (once per file and package); call it only when the answer decides something.
 */
export function verifierRestrictsAlgorithms(
  call: JwtCall,
  sourceCode: SourceCode,
  filename: string,
):
  | { kind: 'restricts'; library: string; range: string; via?: string }
  | { kind: 'key-typed'; library: string; majors: string }
  | { kind: 'may-not-restrict' | 'unknown'; library: string }
  | { kind: 'not-applicable' } {
  // jose 1.x/2.x `JWT.verify()`: the API itself says the version, and it accepts only the key's algorithms.
  if (call.entry.algorithmsFromKey) return { kind: 'key-typed', library: call.library, majors: call.entry.majors ?? '' };
  const release = ALGORITHM_RESTRICTING_RELEASES[call.library];
  if (!release) return { kind: 'not-applicable' };
  const declaration = declaredDependency(sourceCode, filename, call.library);
  const atLeast = declarationAtLeast(declaration, release.since);
  if (atLeast === null || declaration.kind !== 'declared') return { kind: 'unknown', library: call.library };
  if (!atLeast) return { kind: 'may-not-restrict', library: call.library };
  const range = declaration.ranges.map((r) => r.range).join(', ');
  return release.via ? { kind: 'restricts', library: call.library, range, via: release.via } : { kind: 'restricts', library: call.library, range };
}
