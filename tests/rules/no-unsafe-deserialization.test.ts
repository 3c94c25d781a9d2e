import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import rule from '../../src/rules/no-unsafe-deserialization.js';
import { acrossParsers, dependencyProjects, cjs, esm, ts } from '../helpers.js';

type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;
type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;

const ruleTester = new RuleTester();

const project = dependencyProjects('no-unsafe-deserialization');

const YAML3 = project('yaml3', { 'js-yaml': '^3.14.1' });
const YAML4 = project('yaml4', { 'js-yaml': '^4.1.0' });
const STRICT: Options = [{ reportAnyInput: true }];

function at(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`test setup: ${needle} not in code`);
  const before = code.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

function invalid(code: string, needle: string, messageId: MessageIds = 'requestInput', extra: Partial<InvalidTestCase<MessageIds, Options>> = {}): InvalidTestCase<MessageIds, Options> {
  return { code, ...extra, errors: [{ messageId, ...at(code, needle) }] };
}

const SERIALIZE = "import serialize from 'node-serialize';\n";
const YAML = "import yaml from 'js-yaml';\n";
const SJS = "import serialize from 'serialize-javascript';\n";
const REVIVE = "function deserialize(text) { return eval('(' + text + ')'); }\n";

const valid: (ValidTestCase<Options> | string)[] = [
  // JSON.parse is no deserializer of functions.
  `app.post('/p', (req, res) => { res.json(JSON.parse(req.cookies.profile)); });`,
  // node-serialize's serialize, not unserialize.
  `${SERIALIZE}app.get('/p', (req, res) => { res.send(serialize.serialize({ name: req.query.name })); });`,
  // Constant input.
  `${SERIALIZE}const defaults = serialize.unserialize('{"theme":"dark"}');`,
  // Not from the request, default options.
  `${SERIALIZE}import { readFileSync } from 'node:fs';\nconst state = serialize.unserialize(readFileSync('state.txt', 'utf8'));`,
  // js-yaml 4: load is safe.
  { code: `${YAML}app.post('/c', (req, res) => { res.json(yaml.load(req.body.config)); });`, filename: YAML4 },
  // js-yaml 3 with a safe schema, or safeLoad.
  { code: `${YAML}app.post('/c', (req, res) => { res.json(yaml.load(req.body.config, { schema: yaml.DEFAULT_SAFE_SCHEMA })); });`, filename: YAML3 },
  { code: `${YAML}app.post('/c', (req, res) => { res.json(yaml.safeLoad(req.body.config)); });`, filename: YAML3 },
  { code: `${YAML}app.post('/c', (req, res) => { res.json(yaml.load(req.body.config, { schema: yaml.JSON_SCHEMA })); });`, filename: YAML3 },
  // js-yaml version unknown: no report.
  `${YAML}app.post('/c', (req, res) => { res.json(yaml.load(req.body.config)); });`,
  // js-yaml 3 on a file the project ships.
  { code: `${YAML}import fs from 'fs';\nconst config = yaml.load(fs.readFileSync('config.yml', 'utf8'));`, filename: YAML3 },
  // The yaml package (not js-yaml) is safe.
  { code: `import YAML from 'yaml';\napp.post('/c', (req, res) => { res.json(YAML.parse(req.body.config)); });`, filename: YAML3 },
  // Look-alike method on an unrelated object.
  `${SERIALIZE}const codec = { unserialize: (s) => s.split(',') };\napp.post('/p', (req, res) => { res.json(codec.unserialize(req.body.list)); });`,
  // Constant input with reportAnyInput.
  { code: `${SERIALIZE}const DEFAULTS = '{"theme":"dark"}';\nconst defaults = serialize.unserialize(DEFAULTS);`, options: STRICT },
  // reportAnyInput does not apply to js-yaml, whose danger depends on its version.
  { code: `${YAML}import fs from 'fs';\nconst config = yaml.load(fs.readFileSync(process.argv[2], 'utf8'));`, filename: YAML3, options: STRICT },
  // js-yaml 3 loadAll with a safe schema.
  { code: `${YAML}app.post('/c', (req, res) => { yaml.loadAll(req.body.docs, (doc) => res.write(JSON.stringify(doc)), { schema: yaml.FAILSAFE_SCHEMA }); });`, filename: YAML3 },
  // A local unserialize function.
  `function unserialize(s) { return JSON.parse(s); }\napp.post('/p', (req, res) => { res.json(unserialize(req.body.data)); });`,
  // serialize-javascript: request text revived by eval is no-code-injection's finding, not this rule's.
  { code: `${SJS}app.post('/s', (req, res) => { res.json(eval('(' + req.body.state + ')')); });`, options: STRICT },
  { code: `${SJS}${REVIVE}app.post('/s', (req, res) => { res.json(deserialize(req.body.state)); });`, options: STRICT },
  // Stored text, default options.
  `${SJS}${REVIVE}export async function load(key) { return deserialize(await redis.get(key)); }`,
  // A deep copy of the file's own data, and constants.
  { code: `${SJS}${REVIVE}const routes = deserialize(serialize(ROUTES));`, options: STRICT },
  { code: `${SJS}const copy = eval('(' + serialize(state, { isJSON: false }) + ')');`, options: STRICT },
  { code: `${SJS}const re = eval('(' + '/^a+$/' + ')');`, options: STRICT },
  // Other code evaluated in such a file, or the revival shape in a file without serialize-javascript.
  { code: `${SJS}export function run(code) { return eval(code); }`, options: STRICT },
  { code: `${SJS}export const compile = (expr) => new Function('x', 'return x * ' + expr + ' + 1');`, options: STRICT },
  { code: `${REVIVE}export async function load(key) { return deserialize(await redis.get(key)); }`, options: STRICT },
  { code: `${SERIALIZE}export const read = (text) => eval('(' + text + ')');`, options: STRICT },
  // A local eval.
  { code: `${SJS}const eval2 = (s) => s;
function f(eval) { return eval('(' + stored + ')'); }`, options: STRICT },
  // Strange code.
  { code: `${SJS}eval(); new Function(); eval(...parts); Function(\`return \${a}\${b}\`); (0, Function)('return ' + x);`, options: STRICT },
  { code: `${SERIALIZE}serialize.unserialize(...args);\nserialize?.unserialize?.();`, languageOptions: esm },
  { code: `${SERIALIZE}const x = serialize.unserialize(input satisfies string);`, languageOptions: ts },
];

const invalidCases: InvalidTestCase<MessageIds, Options>[] = [
  invalid(`${SERIALIZE}app.get('/profile', (req, res) => {
  const cookie = Buffer.from(req.cookies.profile, 'base64').toString();
  const profile = serialize.unserialize(cookie);
  res.send(profile.username);
});`, 'cookie);', 'requestInput'),
  invalid(`import { unserialize } from 'node-serialize';\napp.post('/p', (req, res) => { res.json(unserialize(req.body.data)); });`, 'req.body.data'),
  { ...invalid(`${YAML}app.post('/c', (req, res) => { res.json(yaml.load(req.body.config)); });`, 'req.body.config', 'requestYaml'), filename: YAML3 },
  invalid(`${YAML}app.post('/c', (req, res) => { res.json(yaml.load(req.body.config, { schema: yaml.DEFAULT_FULL_SCHEMA })); });`, 'req.body.config', 'requestYaml'),
  { ...invalid(`${YAML}app.post('/c', (req, res) => { yaml.loadAll(req.body.docs, (doc) => res.write(JSON.stringify(doc))); });`, 'req.body.docs', 'requestYaml'), filename: YAML3 },
  invalid(`import funcster from 'funcster';\napp.post('/f', (req, res) => { res.json(funcster.deepDeserialize(req.body)); });`, 'req.body'),
  invalid(`import Cryo from 'cryo';\napp.post('/f', (req, res) => { res.json(Cryo.parse(req.body.state)); });`, 'req.body.state'),
];

ruleTester.run('no-unsafe-deserialization', rule, {
  valid,
  invalid: [
    ...acrossParsers(invalidCases),
    { ...invalid(`const serialize = require('node-serialize');\napp.post('/p', (req, res) => { res.json(serialize.unserialize(req.body.data)); });`, 'req.body.data'), languageOptions: cjs },
    invalid(`const serialize = require('node-serialize');\napp.post('/p', (req, res) => { res.json(serialize.unserialize(req.body.data)); });`, 'req.body.data'),
    // Any non-constant input, with reportAnyInput (strict).
    invalid(`${SERIALIZE}import { readFileSync } from 'node:fs';\nconst state = serialize.unserialize(readFileSync('state.txt', 'utf8'));`, "readFileSync('state.txt', 'utf8')", 'anyInput', { options: STRICT }),
    // Stored serialize-javascript text revived with eval or new Function (reportAnyInput).
    ...acrossParsers([
      invalid(`${SJS}${REVIVE}export async function load(key) { return deserialize(await redis.get(key)); }`, 'text + ', 'storedSerializedEval', { options: STRICT }),
      invalid(`${SJS}export async function cached(key) {\n  const text = await redis.get(key);\n  return new Function('"use strict"; return (' + text + ')')();\n}`, 'await redis.get(key)', 'storedSerializedEval', { options: STRICT }),
    ]),
    invalid(`const serialize = require('serialize-javascript');\nconst fs = require('fs');\nconst index = eval(\`(\${fs.readFileSync('index.js', 'utf8')})\`);`, 'fs.readFileSync', 'storedSerializedEval', { options: STRICT, languageOptions: cjs }),
  ],
});
