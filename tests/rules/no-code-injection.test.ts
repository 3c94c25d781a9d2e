import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import rule from '../../src/rules/no-code-injection.js';
import { acrossParsers, cjs, esm, ts } from '../helpers.js';

type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;
type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;

const ruleTester = new RuleTester();

function at(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`test setup: ${needle} not in code`);
  const before = code.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

function invalid(code: string, needle: string, messageId: MessageIds = 'requestCode'): InvalidTestCase<MessageIds, Options> {
  return { code, errors: [{ messageId, ...at(code, needle) }] };
}

const valid: (ValidTestCase<Options> | string)[] = [
  // Constant code.
  `eval('1 + 1');`,
  `const add = new Function('a', 'b', 'return a + b');`,
  `import vm from 'node:vm';\nconst result = vm.runInNewContext('x * 2', { x: 21 });`,
  // Request data as a context value, not as code.
  `import vm from 'node:vm';\napp.post('/calc', (req, res) => { res.json(vm.runInNewContext('x * 2', { x: Number(req.body.x) })); });`,
  // Request data as template locals.
  `import ejs from 'ejs';\nconst TEMPLATE = '<p>Hello <%= name %></p>';\napp.get('/hi', (req, res) => { res.send(ejs.render(TEMPLATE, { name: req.query.name })); });`,
  `import Handlebars from 'handlebars';\nconst greet = Handlebars.compile('Hello {{name}}');\napp.get('/hi', (req, res) => { res.send(greet({ name: req.query.name })); });`,
  `import nunjucks from 'nunjucks';\napp.get('/hi', (req, res) => { res.send(nunjucks.renderString('Hello {{ name }}', { name: req.query.name })); });`,
  `import _ from 'lodash';\nconst tpl = _.template('Hello <%- name %>');\napp.get('/hi', (req, res) => { res.send(tpl({ name: req.query.name })); });`,
  // A view name is not template text.
  `app.get('/page', (req, res) => { res.render('profile', req.query); });`,
  // Fixed module list.
  `const handlers = { csv: () => import('./csv.js'), json: () => import('./json.js') };\napp.get('/x', async (req, res) => { const load = handlers[req.query.format]; res.json(load ? await load() : null); });`,
  `const plugin = require(\`./plugins/\${process.env.PLUGIN}\`);`,
  `export async function load(name) { return import(\`./locales/\${name}.js\`); }`,
  // Timers with functions.
  `app.get('/x', (req, res) => { setTimeout(() => res.json(req.query), 10); });`,
  // Look-alike methods on unrelated objects.
  `app.post('/x', (req, res) => { const view = templates.compile(req.body.name); res.send(view); });`,
  `const parser = { eval: (s) => s.length };\napp.post('/x', (req, res) => { res.json(parser.eval(req.body.expr)); });`,
  `function evaluate(expr) { return expr; }\nconst eval2 = evaluate;\napp.post('/x', (req, res) => { res.json(eval2(req.body.expr)); });`,
  `import { render } from './templates';\napp.post('/x', (req, res) => { res.send(render(req.body.template)); });`,
  // Code the application ships, read from disk.
  `import vm from 'node:vm';\nimport fs from 'node:fs';\nvm.runInThisContext(fs.readFileSync(new URL('./bootstrap.js', import.meta.url), 'utf8'));`,
  // Template files by name: path questions, not template text.
  `import ejs from 'ejs';\napp.get('/p', async (req, res) => { res.send(await ejs.renderFile('views/page.ejs', { q: req.query.q })); });`,
  // Function's own methods.
  `app.post('/x', (req, res) => { res.json(Function.prototype.call.call(handler, null, req.body)); });`,
  // Code from configuration, not from the request.
  `const fn = new Function('row', config.rowFilter);`,
  // A locally declared `eval`.
  `function run(eval) { return eval(1); }`,
  // Strange code.
  { code: `eval(...args);\nnew Function(...parts);\nimport(/* webpackChunkName: "x" */ './x.js');\n(0, eval)('1');`, languageOptions: esm },
  { code: `const code = 'return 1' satisfies string;\nconst f = new Function(code);\nimport x = require('vm');`, languageOptions: ts },
];

const invalidCases: InvalidTestCase<MessageIds, Options>[] = [
  invalid(`app.post('/calc', (req, res) => { res.json(eval(req.body.expression)); });`, 'req.body.expression'),
  invalid(`app.post('/calc', (req, res) => { const fn = new Function('x', 'return ' + req.body.formula); res.json(fn(2)); });`, "'return ' + req.body.formula"),
  invalid(`app.post('/calc', (req, res) => { res.json(globalThis.eval(req.query.q)); });`, 'req.query.q'),
  invalid(`import vm from 'node:vm';\napp.post('/run', (req, res) => { res.json(vm.runInNewContext(req.body.code, {})); });`, 'req.body.code'),
  invalid(`import { Script } from 'vm';\napp.post('/run', (req, res) => { const script = new Script(req.body.code); res.json(script.runInThisContext()); });`, 'req.body.code'),
  invalid(`app.get('/plugin', (req, res) => { const plugin = require('./plugins/' + req.query.name); res.json(plugin()); });`, "'./plugins/' + req.query.name", 'requestModule'),
  invalid(`app.get('/plugin', async (req, res) => { const mod = await import(req.query.module); res.json(mod.default()); });`, 'req.query.module', 'requestModule'),
  invalid(`import ejs from 'ejs';\napp.post('/preview', (req, res) => { res.send(ejs.render(req.body.template, { user: req.user })); });`, 'req.body.template', 'requestTemplate'),
  invalid(`import pug from 'pug';\napp.post('/preview', (req, res) => { res.send(pug.compile(req.body.template)()); });`, 'req.body.template', 'requestTemplate'),
  invalid(`import Handlebars from 'handlebars';\napp.post('/preview', (req, res) => { res.send(Handlebars.compile(req.body.tpl)({})); });`, 'req.body.tpl', 'requestTemplate'),
  invalid(`import nunjucks from 'nunjucks';\napp.get('/hi', (req, res) => { res.send(nunjucks.renderString('Hello ' + req.query.name, {})); });`, "'Hello ' + req.query.name", 'requestTemplate'),
  invalid(`import _ from 'lodash';\napp.get('/hi', (req, res) => { res.send(_.template(req.query.t)({})); });`, 'req.query.t', 'requestTemplate'),
];

ruleTester.run('no-code-injection', rule, {
  valid,
  invalid: [
    ...acrossParsers(invalidCases.slice(0, 8)),
    ...invalidCases.slice(8),
    { ...invalid(`const vm = require('vm');\napp.post('/run', (req, res) => { res.json(vm.runInThisContext(req.body.code)); });`, 'req.body.code'), languageOptions: cjs },
  ],
});
