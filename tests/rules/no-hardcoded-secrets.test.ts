import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-hardcoded-secrets.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts, tsx } from '../helpers.js';

const ruleTester = new RuleTester();

/**
 * Fake credentials, assembled here so that the test source itself holds no string of a real
 * format: `fake(n)` is n characters of a fixed mixed alphabet (no `EXAMPLE`, no `abcdef`).
 */
const ALPHABET = 'Q7wE9rT2yU4iO6pA8sD0fG3hJ5kL1zXcVbNm';
const fake = (n: number, alphabet = ALPHABET): string => Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');
const UPPER = 'Q7WE9RT2YU4IO6PA8SD3FG5HJKLZXCVBNM';
const HEX = '0123456789abcdef';

const AWS_KEY_ID = `AKIA${fake(16, 'QWERTYUIOPASDFGHJKLZXCVBNM234567')}`;
const AWS_SECRET = fake(40, 'Q7wE9rT2yU4iO6pA8sD0fG3hJ5kL1zXcV/bNm+');
const GITHUB = `ghp_${fake(36)}`;
const GITLAB = `glpat-${fake(20)}`;
const STRIPE = `sk_live_${fake(24)}`;
const SLACK = `xoxb-${fake(11, '0123456789')}-${fake(13, '0123456789')}-${fake(24)}`;
const SLACK_HOOK = `https://hooks.slack.com/services/T${fake(8, UPPER)}/B${fake(10, UPPER)}/${fake(24)}`;
const GOOGLE = `AIza${fake(35)}`;
const SENDGRID = `SG.${fake(22)}.${fake(43)}`;
const TWILIO = `SK${fake(32, HEX)}`;
const NPM = `npm_${fake(36)}`;
const OPENAI = `sk-proj-${fake(20)}T3BlbkFJ${fake(20)}`;
const ANTHROPIC = `sk-ant-api03-${fake(90)}`;
const PEM_BODY = fake(64, 'Q7wE9rT2yU4iO6pA8sD0fG3hJ5kL1zXcV/bNm+');
const PEM = `-----BEGIN RSA PRIVATE KEY-----\\n${PEM_BODY}\\n${PEM_BODY}\\n-----END RSA PRIVATE KEY-----`;
const DB_URL = `mongodb+srv://app:${fake(14)}@cluster0.q7we9.mongodb.net/prod`;

const credential = (line = 1, column?: number, env?: string, output?: string) => ({
  messageId: 'credential' as const,
  line,
  ...(column === undefined ? {} : { column }),
  suggestions: env && output ? [{ messageId: 'useEnv' as const, output }] : [],
});

ruleTester.run('no-hardcoded-secrets', rule, {
  valid: [
    // careful code: a credential prefix only in a comment, and secret-named values that are names, not secrets
    { code: "// Stripe keys look like sk_live_..., never commit one\nexport const STRIPE_KEY_ENV = 'STRIPE_SECRET_KEY';\nconst apiKey = process.env[STRIPE_KEY_ENV];", languageOptions: ts },
    { code: "class Settings {\n  tokenHeader = 'authorization';\n  secretField = 'client_secret';\n}\nconst { SESSION_SECRET = process.env.FALLBACK_SECRET } = config;", languageOptions: esm },
    // careful code from a review: an OpenAPI example value documents the field
    { code: "import { ApiProperty } from '@nestjs/swagger';\nexport class LoginDto {\n  @ApiProperty({ example: 'S3cure!Passw0rd', description: 'The user password' })\n  password!: string;\n}", languageOptions: ts },
    // careful code from a review: form fields, translations and error codes
    { code: "export const formSchema = [{ type: 'password', name: 'password', label: 'Password', placeholder: 'Enter your password' }];\nexport const i18n = { password: 'Mot de passe', secret: 'Secret', token: 'Jeton' };\nexport const errors = { INVALID_PASSWORD: 'invalid_password', TOKEN_EXPIRED: 'token_expired' };", languageOptions: esm },
    // careful code from a review: settings read from the environment, paths, header and secret-store names
    { code: "export const config = { database: { host: process.env.DB_HOST ?? 'localhost', password: process.env.DB_PASSWORD }, passwordResetPath: '/auth/reset-password', apiKeyHeader: 'x-api-key', secretName: 'prod/db/password' };", languageOptions: ts },
    // secrets read from the environment, configuration or a secret store
    { code: 'const secret = process.env.SESSION_SECRET;', languageOptions: esm },
    { code: "import session from 'express-session'; app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));", languageOptions: esm },
    { code: "const cookieParser = require('cookie-parser'); app.use(cookieParser(config.cookieSecret));", languageOptions: cjs },
    { code: "const config = { db: { password: process.env.DB_PASSWORD }, apiKey: configService.get('API_KEY') };", languageOptions: ts },
    { code: "const { DB_PASSWORD } = process.env; const pool = new Pool({ password: DB_PASSWORD });", languageOptions: esm },
    // empty strings and placeholders
    { code: "const defaults = { password: '', apiKey: '' }; const pw = process.env.DB_PASSWORD || '';", languageOptions: esm },
    { code: "const settings = { apiKey: '<your-api-key>', token: 'YOUR_TOKEN_HERE', secret: 'xxx', password: '********' };", languageOptions: esm },
    { code: "const log = { token: '[REDACTED]', apiKey: 'your-key-here', clientSecret: 'TODO', password: 'dummy' };", languageOptions: esm },
    { code: "const secret = process.env.APP_SECRET ?? '<generate-one>';", languageOptions: ts },
    // labels, field and column names, input types, autocomplete tokens
    { code: "const fields = [{ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password' }];", languageOptions: esm },
    { code: "const columns = { password: 'password', passwordHash: 'password_hash', apiKey: 'api_key', token: 'token', clientSecret: 'client_secret' };", languageOptions: esm },
    { code: "const PASSWORD = 'password'; const API_KEY = 'apiKey'; const TOKEN = 'Token';", languageOptions: esm },
    { code: "export const attributes = { password: 'current-password', secret: 'hidden', token: 'Bearer' };", languageOptions: ts },
    { code: "const schema = { password: 'string', token: 'String!', secret: 'text' };", languageOptions: esm },
    // names of environment variables, lookup keys and i18n keys
    { code: "const keys = { secret: 'SECRET_KEY', apiKey: 'STRIPE_API_KEY', password: 'DB_PASSWORD' };", languageOptions: esm },
    { code: "const messages = { password: 'auth.password.invalid', token: 'errors.token.expired' };", languageOptions: esm },
    // messages and sentences
    { code: "const errors = { password: 'Invalid password', token: 'must be a valid token', secret: 'not set' };", languageOptions: esm },
    { code: "throw new ValidationError({ password: 'Password must be at least 8 characters.' });", languageOptions: esm },
    // routes, paths, key files and secret references
    { code: "const routes = { resetPassword: '/reset-password', forgotPassword: '/auth/forgot-password' };", languageOptions: esm },
    { code: "const tls = { privateKey: './keys/private.pem', secret: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db' };", languageOptions: esm },
    { code: "const vault = { secret: 'secret/data/app', apiKey: 'projects/app/secrets/api-key/versions/latest' };", languageOptions: esm },
    // header names, regular expressions, validator rules, hashes
    { code: "const headers = { apiKey: 'x-api-key', apiKeyHeader: 'X-API-Key', token: 'x-auth-token' };", languageOptions: esm },
    { code: "const rules = { password: '^(?=.*[A-Z])(?=.*\\\\d).{8,}$', secret: 'required|min:32' };", languageOptions: esm },
    { code: "const seed = { email: 'a@b.c', password: '$2b$10$Q7wE9rT2yU4iO6pA8sD0fG3hJ5kL1zXcVbNmQ7wE9rT2yU4iO6pA8' };", languageOptions: esm },
    // names that are not secrets
    { code: "const options = { passwordPolicy: 'strict-mode', tokenType: 'Bearer', secretName: 'prod-db', publicKey: 'pk_live_9s8d7f6g', accessKeyId: 'key-id' };", languageOptions: esm },
    { code: "const cursor = { nextPageToken: 'CAUQAA', cancelToken: 'op-17', maxTokens: '2048' };", languageOptions: esm },
    // enum members and types
    { code: "enum Credential { Password = 'password', ApiKey = 'k9s8d7f6' } type Secret = 'k9s8d7f6';", languageOptions: ts },
    // examples and documentation objects
    { code: "class LoginDto { @ApiProperty({ example: 'Str0ng!Pass' }) password: string; }", languageOptions: ts },
    { code: "const docs = { example: { email: 'jane@acme.io', password: 'Str0ng!Pass' } };", languageOptions: esm },
    // translation files and translated words
    { code: "export default { password: 'Passwort', secret: 'Geheimnis', token: 'Schlüssel' };", languageOptions: esm, filename: '/app/src/locales/de.js' },
    { code: "const fr = { password: 'Mot de passe' }; const es = { password: 'Contraseña' }; const pt = { password: 'senha' };", languageOptions: esm },
    // credential formats: near misses, published examples, placeholders (also under CommonJS)
    ...acrossParsers(
      [
        { code: "const creds = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };" },
        { code: "const slug = 'sk-learn-models'; const sg = 'SG.config.ts'; const word = 'SKIPPED'; const g = 'AIzaShort';" },
        { code: "if (pem.startsWith('-----BEGIN RSA PRIVATE KEY-----')) type = 'pkcs1';" },
        { code: "const local = 'mysql://root:root@127.0.0.1:3306/app'; const docs = 'postgres://USER:PASSWORD@HOST:5432/DB';" },
      ],
      [cjs, cjsAsModule],
    ),
    { code: "const aws = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };", languageOptions: esm },
    { code: `const id = 'AKIA${fake(15, UPPER)}'; const gh = 'ghp_${fake(20)}'; const pat = 'github_pat_short';`, languageOptions: esm },
    { code: "const slug = 'sk-learn-models'; const test = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'; const sg = 'SG.config.ts';", languageOptions: esm },
    { code: "const x = 'xoxb-not-a-token'; const g = 'AIzaShort'; const npm = 'npm_config_registry';", languageOptions: esm },
    { code: `const md5 = 'SK${fake(32, '0123456789ABCDEF')}'; const word = 'SKIPPED';`, languageOptions: esm },
    { code: "if (key.includes('-----BEGIN PRIVATE KEY-----')) { format = 'pkcs8'; }", languageOptions: esm },
    { code: "const doc = '-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----';", languageOptions: esm },
    { code: `const pub = '-----BEGIN PUBLIC KEY-----\\n${PEM_BODY}\\n-----END PUBLIC KEY-----';`, languageOptions: esm },
    // connection strings: local machines, placeholders, credentials from the environment
    { code: "const url = process.env.DATABASE_URL || 'postgres://user:password@localhost:5432/app';", languageOptions: esm },
    { code: "const local = 'postgres://postgres:postgres@db:5432/app'; const redis = 'redis://localhost:6379';", languageOptions: esm },
    { code: 'const url = `mongodb://${user}:${pass}@${host}/db`; const pg = `postgres://app:${process.env.DB_PASSWORD}@db/app`;', languageOptions: esm },
    { code: "const u = 'https://' + user + ':' + pass + '@host'; const docs = 'https://user:<password>@example.com';", languageOptions: esm },
    // JWT secrets are reported by no-weak-jwt-secret, once
    { code: "import jwt from 'jsonwebtoken'; jwt.sign(p, 'my-secret-value');", languageOptions: esm },
    { code: "const jwt = require('jsonwebtoken'); const JWT_SECRET = 'k9s8d7f6g5h4'; jwt.sign(p, JWT_SECRET); jwt.verify(t, JWT_SECRET);", languageOptions: cjs },
    { code: "import jwt from 'jsonwebtoken'; const secret = process.env.JWT_SECRET || 'dev-secret'; jwt.verify(t, secret);", languageOptions: ts },
    { code: "import { expressjwt } from 'express-jwt'; app.use(expressjwt({ secret: 'shhhhhhared-secret', algorithms: ['HS256'] }));", languageOptions: esm },
    // a library not resolved by import: only the name rules apply, and 'secret' is a label
    { code: "import session from './session'; app.use(session({ secret: 'secret' }));", languageOptions: esm },
    { code: "const cookieParser = require('cookie-parser'); app.use(cookieParser());", languageOptions: cjsAsModule },
    // environment variables set for a child process or a test run
    { code: "process.env.JWT_SECRET = 'k9s8d7f6g5h4';", languageOptions: esm },
    // defaults of configured values that are header names or labels
    { code: "const opts = { token: options.header || 'x-auth-token', password: input.password ?? '' };", languageOptions: esm },
    { code: "const cols = { password: 'varchar(255)' }; const auth = { Authorization: 'Bearer <token>', authorization: 'Basic ' + encoded };", languageOptions: esm },
    { code: "const res = await inject(app, { url: '/', headers: { authorization: 'granted' } });", languageOptions: esm },
    // how careful code handles passwords, keys and tokens, under each parser
    ...acrossParsers(
      [
        { code: 'const { password, ...rest } = user; if (password === confirmPassword) save(rest);' },
        { code: 'user.password = await bcrypt.hash(password, 10); const hashedPassword = await argon2.hash(body.password);' },
        { code: "res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' });" },
        { code: "const secret = crypto.randomBytes(32).toString('hex'); const apiKey = req.headers['x-api-key'];" },
        { code: "const tokenHeader = 'Authorization'; const PASSWORD_MIN_LENGTH = 8; const password = faker.internet.password();" },
        { code: "const config = { password: readFileSync('/run/secrets/db_password', 'utf8').trim() };" },
        { code: "const pool = new Pool({ connectionString: process.env.DATABASE_URL }); mongoose.connect(process.env.MONGO_URI ?? 'mongodb://localhost:27017/app');" },
        { code: 'const redisUrl = `redis://:${password}@${host}:6379`; const amqp = `amqp://${user}:${pass}@rabbit`;' },
        { code: 'await axios.get(url, { auth: { username, password }, headers: { Authorization: `Bearer ${token}` } });' },
        { code: 'const schema = z.object({ email: z.string().email(), password: z.string().min(8) });' },
        { code: "const msg = 'Your token has expired'; const title = 'API key'; const help = 'Create an API key in the dashboard';" },
        { code: "const strings = { en: { password: 'Password', forgot: 'Forgot password?' }, nl: { password: 'Wachtwoord' } };" },
        { code: "passport.use(new LocalStrategy({ usernameField: 'email', passwordField: 'password' }, verify));" },
        { code: "const region = 'us-east-1'; const bucket = 'uploads-prod'; const sha = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';" },
        { code: "const googleClientId = '1234-q7we9rt.apps.googleusercontent.com'; const stripeKey = 'pk_live_51Q7wE9rT2yU4iO6pA8sD0fG';" },
        { code: 'const PASSWORD_PATTERN = /^(?=.*\\d).{8,}$/; errorMessages.password = "Too short";' },
        { code: "const hook = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';" },
        { code: "const doc = \"Keys look like 'sk-...' or 'AIza...'\"; const env = { SECRET: undefined, TOKEN: null };" },
        { code: "process.env.PASSWORD ||= ''; options.token ??= readToken();" },
        { code: "const keys = [process.env.KEY1, process.env.KEY2]; app.keys = keys; express().keys = ['not-koa'];" },
        { code: "const sessionCookie = { name: 'sid', secret: config.sessionSecret, secure: true };" },
        { code: "const providers = { github: { clientId: '', clientSecret: '', enabled: false } };" },
        { code: "const api = { baseUrl: 'https://api.example.com', apiKey: apiKeyFromVault, timeout: 5000 };" },
        { code: "logger.info({ password: '[hidden]', token: '<redacted>' }, 'login');" },
        { code: "const fields = ['password', 'token', 'secret']; const blacklist = { password: true, apiKey: true };" },
        { code: "const user = { username: 'admin', password: process.env.ADMIN_PASSWORD };" },
        { code: "const ACCESS_TOKEN_KEY = 'myapp_access_token'; const billing = { apiKey: 'stripe_key' };" },
      ],
      [esm, cjs, ts],
    ),
    // realworld: ghost-docker-mysql-root
    { code: "this.options = { host: options.host || process.env.MYSQL_HOST || 'localhost', user: options.user || 'root', password: options.password || process.env.MYSQL_PASSWORD || 'root' };", languageOptions: cjs },
    { code: "const knexConfig = { connection: { host: '127.0.0.1', user: 'app', password: 'app-dev-pass' } };", languageOptions: esm },
    // realworld: ghost-bad-passwords
    { code: "const badPasswords = ['1234567890', 'qwertyuiop', '1q2w3e4r5t']; const disallowedPasswords = ['password', 'ghost', 'passw0rd'];", languageOptions: cjs },
    // realworld: ghost-key-group-mapper
    { code: "const keyGroupMapping = { members_public_key: 'core', members_private_key: 'core', admin_session_secret: 'core', title: 'site' };", languageOptions: cjs },
    // realworld: node-red-not-available
    { code: "var clients = [{ id: 'node-red-editor', secret: 'not_available' }]; req.body.client_secret = 'not_available';", languageOptions: cjs },
    // realworld: swagger-metadata-key
    { code: "const SWAGGER_API_RESPONSE_KEY = 'swagger/apiResponse'; Reflect.getMetadata(SWAGGER_API_RESPONSE_KEY, handler);", languageOptions: ts },
    // strange code
    { code: '', languageOptions: esm },
    { code: "const k = 'password'; const o = { [k]: 'Str0ng!Pass', [`${k}`]: 'x' };", languageOptions: esm },
    { code: "import session = require('express-session'); app.use(session(...opts)); app.use(session());", languageOptions: ts },
    { code: "function F() { if (new.target) this.secret = new.target.name; } ({ password } = obj); const { token } = req.body;", languageOptions: esm },
    { code: "const cfg = { password: 'x' satisfies string, token: obj?.token ?? '', secret: undefined } as const;", languageOptions: ts },
    { code: "@Injectable() class S { @Inject('API_KEY') private readonly apiKey: string; #secret = 1; static token; }", languageOptions: ts },
    { code: "const el = <Input type=\"password\" name=\"password\" placeholder=\"Password\" apiKey={key} />;", languageOptions: tsx },
  ],
  invalid: [
    // one test per credential format
    ...acrossParsers([
      {
        code: `const s3 = new S3Client({ credentials: { accessKeyId: '${AWS_KEY_ID}', secretAccessKey: '${AWS_SECRET}' } });`,
        errors: [
          credential(1, 55, 'AWS_ACCESS_KEY_ID', `const s3 = new S3Client({ credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: '${AWS_SECRET}' } });`),
          credential(1, 96, 'AWS_SECRET_ACCESS_KEY', `const s3 = new S3Client({ credentials: { accessKeyId: '${AWS_KEY_ID}', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } });`),
        ],
      },
      {
        code: `await fetch(url, { headers: { Authorization: 'token ${GITHUB}' } });`,
        errors: [credential(1, 46)],
      },
      {
        code: `const gitlab = new Gitlab({ host, token: '${GITLAB}' });`,
        errors: [credential(1, 42, 'GITLAB_TOKEN', 'const gitlab = new Gitlab({ host, token: process.env.GITLAB_TOKEN });')],
      },
      {
        code: `const stripe = new Stripe('${STRIPE}');`,
        errors: [credential(1, 27, 'STRIPE_SECRET_KEY', 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);')],
      },
      {
        code: `const slack = new WebClient('${SLACK}');`,
        errors: [credential(1, 29, 'SLACK_TOKEN', 'const slack = new WebClient(process.env.SLACK_TOKEN);')],
      },
      {
        code: `await axios.post('${SLACK_HOOK}', { text });`,
        errors: [credential(1, 18, 'SLACK_WEBHOOK_URL', 'await axios.post(process.env.SLACK_WEBHOOK_URL, { text });')],
      },
      {
        code: `const maps = createClient({ key: '${GOOGLE}' });`,
        errors: [credential(1, 34, 'GOOGLE_API_KEY', 'const maps = createClient({ key: process.env.GOOGLE_API_KEY });')],
      },
      {
        code: `sgMail.setApiKey('${SENDGRID}');`,
        errors: [credential(1, 18, 'SENDGRID_API_KEY', 'sgMail.setApiKey(process.env.SENDGRID_API_KEY);')],
      },
      {
        code: `const client = twilio('${TWILIO}', apiSecret, { accountSid });`,
        errors: [credential(1, 23, 'TWILIO_API_KEY', 'const client = twilio(process.env.TWILIO_API_KEY, apiSecret, { accountSid });')],
      },
      {
        code: `writeFileSync('.npmrc', \`//registry.npmjs.org/:_authToken=${NPM}\`);`,
        errors: [credential(1, 25)],
      },
      {
        code: `const openai = new OpenAI({ apiKey: '${OPENAI}' });`,
        errors: [credential(1, 37, 'OPENAI_API_KEY', 'const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });')],
      },
      {
        code: `const anthropic = new Anthropic({ apiKey: '${ANTHROPIC}' });`,
        errors: [credential(1, 43, 'ANTHROPIC_API_KEY', 'const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });')],
      },
      {
        code: `const signer = createSign('RSA-SHA256'); signer.sign('${PEM}');`,
        errors: [credential(1, 54, 'PRIVATE_KEY', "const signer = createSign('RSA-SHA256'); signer.sign(process.env.PRIVATE_KEY);")],
      },
      {
        code: `await mongoose.connect('${DB_URL}');`,
        errors: [credential(1, 24, 'DATABASE_URL', 'await mongoose.connect(process.env.DATABASE_URL);')],
      },
    ]),
    // credential formats in CommonJS
    ...acrossParsers(
      [
        {
          code: `const stripe = require('stripe')('${STRIPE}');\nmodule.exports = { slack: new (require('@slack/web-api').WebClient)('${SLACK}') };`,
          errors: [
            credential(1, 34, 'STRIPE_SECRET_KEY', `const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);\nmodule.exports = { slack: new (require('@slack/web-api').WebClient)('${SLACK}') };`),
            credential(2, 69, 'SLACK_TOKEN', `const stripe = require('stripe')('${STRIPE}');\nmodule.exports = { slack: new (require('@slack/web-api').WebClient)(process.env.SLACK_TOKEN) };`),
          ],
        },
      ],
      [cjs, cjsAsModule],
    ),
    // a PEM private key used by an RS256 JWT call is not an HMAC secret: reported here
    {
      code: `import jwt from 'jsonwebtoken';\nconst privateKey = '${PEM}';\njwt.sign(p, privateKey, { algorithm: 'RS256' });`,
      languageOptions: esm,
      errors: [credential(2, 20, 'PRIVATE_KEY', `import jwt from 'jsonwebtoken';\nconst privateKey = process.env.PRIVATE_KEY;\njwt.sign(p, privateKey, { algorithm: 'RS256' });`)],
    },
    // secret-named variables, properties, class fields, assignments and defaults
    ...acrossParsers(
      [
        {
          code: "const config = { db: { host: 'db', password: 'S3cure!Pass' } };",
          errors: [
            {
              messageId: 'hardcodedSecret' as const,
              line: 1,
              column: 46,
              data: { name: 'password' },
              suggestions: [{ messageId: 'useEnv' as const, output: "const config = { db: { host: 'db', password: process.env.DB_PASSWORD } };" }],
            },
          ],
        },
        {
          code: "const apiKey = 'live-83hf7s9d2k';",
          errors: [{ messageId: 'hardcodedSecret' as const, column: 16, suggestions: [{ messageId: 'useEnv' as const, output: 'const apiKey = process.env.API_KEY;' }] }],
        },
        {
          code: "class Db { connect() { this.password = 'changeme'; } }",
          errors: [{ messageId: 'hardcodedSecret' as const, column: 40, suggestions: [{ messageId: 'useEnv' as const, output: 'class Db { connect() { this.password = process.env.PASSWORD; } }' }] }],
        },
        {
          code: "await got(url, { headers: { 'x-api-key': 'k29dk3l0s8' } });",
          errors: [{ messageId: 'hardcodedSecret' as const, column: 42, suggestions: [{ messageId: 'useEnv' as const, output: "await got(url, { headers: { 'x-api-key': process.env.X_API_KEY } });" }] }],
        },
        {
          code: "export function connect(user, password = 'hunter22') { return db.login(user, password); }",
          errors: [{ messageId: 'hardcodedSecret' as const, column: 42, suggestions: [{ messageId: 'useEnv' as const, output: 'export function connect(user, password = process.env.PASSWORD) { return db.login(user, password); }' }] }],
        },
        {
          code: "const config = { basicAuth: { username: getFileEnv(userVar) || 'admin', password: getFileEnv(passwordVar) || 'pass' } };",
          errors: [{ messageId: 'hardcodedSecret' as const, column: 110, suggestions: [{ messageId: 'dropFallback' as const, output: "const config = { basicAuth: { username: getFileEnv(userVar) || 'admin', password: getFileEnv(passwordVar) } };" }] }],
        },
        {
          code: "await fetch(url, { headers: { Authorization: 'Basic YWRtaW46czNjcjN0' } });",
          errors: [{ messageId: 'hardcodedSecret' as const, column: 46, suggestions: [{ messageId: 'useEnv' as const, output: 'await fetch(url, { headers: { Authorization: process.env.AUTHORIZATION } });' }] }],
        },
        {
          code: "const dev = { sessionSecret: 'session-secret-dev' };",
          errors: [{ messageId: 'hardcodedSecret' as const, column: 30, suggestions: [{ messageId: 'useEnv' as const, output: 'const dev = { sessionSecret: process.env.SESSION_SECRET };' }] }],
        },
        {
          code: "const settings = { session: { secret: 'keyboard cat' } };",
          errors: [{ messageId: 'hardcodedSecret' as const, column: 39, suggestions: [{ messageId: 'useEnv' as const, output: 'const settings = { session: { secret: process.env.SESSION_SECRET } };' }] }],
        },
      ],
      [esm, cjs, ts],
    ),
    {
      code: "export class Mailer { private readonly clientSecret = 'q8Zr-51kd_02'; }",
      languageOptions: ts,
      errors: [{ messageId: 'hardcodedSecret' as const, column: 55, suggestions: [{ messageId: 'useEnv' as const, output: 'export class Mailer { private readonly clientSecret = process.env.CLIENT_SECRET; }' }] }],
    },
    // environment fallbacks for secret names
    ...acrossParsers(
      [
        {
          code: "const secret = process.env.SESSION_SECRET || 'dev-secret';",
          errors: [
            {
              messageId: 'fallbackSecret' as const,
              column: 46,
              data: { env: 'process.env.SESSION_SECRET', literal: "'dev-secret'" },
              suggestions: [{ messageId: 'dropFallback' as const, output: 'const secret = process.env.SESSION_SECRET;' }],
            },
          ],
        },
        {
          code: "client.login(process.env.API_KEY ?? 'secret');",
          errors: [{ messageId: 'fallbackSecret' as const, column: 37, suggestions: [{ messageId: 'dropFallback' as const, output: 'client.login(process.env.API_KEY);' }] }],
        },
        {
          code: "const { COOKIE_SECRET = 'changeme' } = process.env;",
          errors: [{ messageId: 'fallbackSecret' as const, column: 25, suggestions: [] }],
        },
      ],
      [esm, cjsAsModule, ts],
    ),
    // libraries that sign with the secret: any literal is the secret
    ...acrossParsers(
      [
        {
          code: "import session from 'express-session'; app.use(session({ secret: 'keyboard cat', resave: false }));",
          errors: [
            {
              messageId: 'librarySecret' as const,
              column: 66,
              data: { library: 'express-session', option: '`secret`', protects: 'session cookies' },
              suggestions: [{ messageId: 'useEnv' as const, output: "import session from 'express-session'; app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));" }],
            },
          ],
        },
        {
          code: "import session from 'express-session'; const opts = { secret: 'secret' }; app.use(session(opts));",
          errors: [{ messageId: 'librarySecret' as const, column: 63, suggestions: [{ messageId: 'useEnv' as const, output: "import session from 'express-session'; const opts = { secret: process.env.SESSION_SECRET }; app.use(session(opts));" }] }],
        },
        {
          code: "import cookieSession from 'cookie-session'; app.use(cookieSession({ name: 'sid', keys: ['key1', 'key2'] }));",
          errors: [89, 97].map((column) => ({ messageId: 'librarySecret' as const, column, suggestions: [{ messageId: 'useEnv' as const, output: column === 89 ? "import cookieSession from 'cookie-session'; app.use(cookieSession({ name: 'sid', keys: [process.env.SESSION_SECRET, 'key2'] }));" : "import cookieSession from 'cookie-session'; app.use(cookieSession({ name: 'sid', keys: ['key1', process.env.SESSION_SECRET] }));" }] })),
        },
        {
          code: "import { Strategy as GoogleStrategy } from 'passport-google-oauth20'; passport.use(new GoogleStrategy({ clientID: 'id.apps.googleusercontent.com', clientSecret: 'GOCSPX-q8Zr51kd02', callbackURL: '/cb' }, verify));",
          errors: [{ messageId: 'librarySecret' as const, column: 162, data: { library: 'passport-google-oauth20', option: '`clientSecret`', protects: 'the OAuth client' }, suggestions: [{ messageId: 'useEnv' as const, output: "import { Strategy as GoogleStrategy } from 'passport-google-oauth20'; passport.use(new GoogleStrategy({ clientID: 'id.apps.googleusercontent.com', clientSecret: process.env.OAUTH_CLIENT_SECRET, callbackURL: '/cb' }, verify));" }] }],
        },
        {
          code: "import Koa from 'koa'; const app = new Koa(); app.keys = ['im a newer secret'];",
          errors: [{ messageId: 'librarySecret' as const, column: 59, data: { library: 'koa', option: '`app.keys`', protects: 'signed cookies' }, suggestions: [{ messageId: 'useEnv' as const, output: "import Koa from 'koa'; const app = new Koa(); app.keys = [process.env.COOKIE_KEYS];" }] }],
        },
      ],
      [esm, ts],
    ),
    ...acrossParsers(
      [
        {
          code: "const cookieParser = require('cookie-parser'); app.use(cookieParser('s3cr3t'));",
          errors: [{ messageId: 'librarySecret' as const, column: 69, data: { library: 'cookie-parser', option: 'secret', protects: 'signed cookies' }, suggestions: [{ messageId: 'useEnv' as const, output: "const cookieParser = require('cookie-parser'); app.use(cookieParser(process.env.COOKIE_SECRET));" }] }],
        },
        {
          code: "const fastify = require('fastify')(); fastify.register(require('@fastify/cookie'), { secret: 'my-secret' });",
          errors: [{ messageId: 'librarySecret' as const, column: 94, suggestions: [{ messageId: 'useEnv' as const, output: "const fastify = require('fastify')(); fastify.register(require('@fastify/cookie'), { secret: process.env.COOKIE_SECRET });" }] }],
        },
      ],
      [cjs, cjsAsModule],
    ),
    // a JWT secret is left to no-weak-jwt-secret, the session secret beside it is reported
    {
      code: "import jwt from 'jsonwebtoken';\nimport session from 'express-session';\nconst SECRET = 'k9s8d7f6g5h4';\njwt.sign(p, SECRET);\napp.use(session({ secret: 'k9s8d7f6g5h4' }));",
      languageOptions: esm,
      errors: [{ messageId: 'librarySecret' as const, line: 5, column: 27, suggestions: [{ messageId: 'useEnv' as const, output: "import jwt from 'jsonwebtoken';\nimport session from 'express-session';\nconst SECRET = 'k9s8d7f6g5h4';\njwt.sign(p, SECRET);\napp.use(session({ secret: process.env.SESSION_SECRET }));" }] }],
    },
    // a tagged template keeps its tag: no suggestion
    {
      code: `const q = sql\`SELECT * FROM dblink('postgres://app:${fake(14)}@db.internal/app')\`;`,
      languageOptions: ts,
      errors: [credential(1, 14)],
    },
    // JSX attributes get braces
    {
      code: `const el = <Map apiKey="${GOOGLE}" />;`,
      languageOptions: tsx,
      errors: [credential(1, 24, 'GOOGLE_API_KEY', 'const el = <Map apiKey={process.env.GOOGLE_API_KEY} />;')],
    },
  ],
});
