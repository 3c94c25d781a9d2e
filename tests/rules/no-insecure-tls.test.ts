import { RuleTester, type InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-insecure-tls.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

type Invalid = InvalidTestCase<'insecureOption' | 'processWide' | 'childProcessWide' | 'oldDefaultVersion' | 'disabledCerts' | 'setSecure' | 'removeOption' | 'removeStatement' | 'removeCall', [{ allowEnvironmentGuarded?: boolean }]>;

const all = [esm, cjs, cjsAsModule, ts];

ruleTester.run('no-insecure-tls', rule, {
  valid: [
    // verification on, or set from configuration the operator controls
    { code: "import https from 'https'; const agent = new https.Agent({ rejectUnauthorized: true, keepAlive: true });", languageOptions: esm },
    { code: "const { Pool } = require('pg'); const pool = new Pool({ ssl: { rejectUnauthorized: process.env.DB_SSL_VERIFY !== 'false' } });", languageOptions: cjs },
    { code: "import { Pool } from 'pg'; export const pool = new Pool({ connectionString: env.DATABASE_URL, ssl: { rejectUnauthorized: config.db.verifyCertificates } });", languageOptions: ts },
    { code: "import https from 'https'; new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' });", languageOptions: esm },
    { code: "import tls from 'tls'; tls.connect({ host, port, rejectUnauthorized: !settings.allowSelfSigned });", languageOptions: esm },
    { code: "const mysql = require('mysql2'); mysql.createPool({ host, ssl: { rejectUnauthorized: Boolean(Number(process.env.DB_SSL_STRICT ?? '1')) } });", languageOptions: cjsAsModule },
    // a private CA instead of turning verification off
    { code: "import fs from 'fs'; import { Pool } from 'pg'; new Pool({ ssl: { ca: fs.readFileSync('/etc/ssl/rds-ca.pem').toString(), rejectUnauthorized: true } });", languageOptions: esm },
    { code: "import https from 'https'; import fs from 'node:fs'; const agent = new https.Agent({ ca: fs.readFileSync(caPath), servername: 'api.internal' });", languageOptions: ts },
    // modern protocol bounds
    { code: "import tls from 'tls'; tls.createSecureContext({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });", languageOptions: esm },
    { code: "import https from 'https'; new https.Agent({ secureProtocol: 'TLS_method', minVersion: 'TLSv1.3' });", languageOptions: esm },
    { code: "import tls from 'tls'; tls.DEFAULT_MIN_VERSION = 'TLSv1.2';", languageOptions: esm },
    // mongodb options that keep verification on
    { code: "import { MongoClient } from 'mongodb'; new MongoClient(uri, { tls: true, tlsAllowInvalidCertificates: false, tlsCAFile: '/etc/ssl/ca.pem' });", languageOptions: esm },
    { code: "const mongoose = require('mongoose'); mongoose.connect(uri, { ssl: true, sslValidate: true });", languageOptions: cjs },
    // a checkServerIdentity that checks something
    { code: "import tls from 'tls'; tls.connect({ host, checkServerIdentity: (host, cert) => { const err = tls.checkServerIdentity(host, cert); if (err) return err; if (cert.fingerprint256 !== PIN) return new Error('pin mismatch'); } });", languageOptions: esm },
    { code: "import https from 'https'; https.request({ host, checkServerIdentity(host, cert) { if (!pins.has(cert.fingerprint256)) throw new Error('bad pin'); } });", languageOptions: ts },
    { code: "import tls from 'tls'; tls.connect({ host, checkServerIdentity: verifyPinned });", languageOptions: esm },
    // servers: requesting client certificates without rejecting them, checked in the handler
    { code: "import https from 'https'; https.createServer({ key, cert, requestCert: true, rejectUnauthorized: false }, app);", languageOptions: esm },
    { code: "const tls = require('tls'); tls.createServer({ key, cert, rejectUnauthorized: false }, onSocket);", languageOptions: cjs },
    { code: "const options = { key, cert, ca, requestCert: true, rejectUnauthorized: false }; export const server = https.createServer(options, app);", languageOptions: esm },
    // the environment variable set to verify, read, or deleted
    { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';", languageOptions: cjs },
    { code: "if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') console.warn('TLS verification is off');", languageOptions: esm },
    { code: "delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;", languageOptions: esm },
    { code: "const env = { NODE_TLS_REJECT_UNAUTHORIZED: '1' }; Object.assign(process.env, env);", languageOptions: esm },
    // connection strings that keep verification on, or text that is no connection URL
    { code: "const { Pool } = require('pg'); new Pool({ connectionString: process.env.DATABASE_URL ?? 'postgres://app@localhost:5432/app?sslmode=verify-full' });", languageOptions: cjs },
    { code: "export const url = `mongodb+srv://${user}:${password}@cluster0.example.net/app?retryWrites=true&tls=true&tlsAllowInvalidCertificates=false`;", languageOptions: esm },
    { code: "export const help = 'Add sslmode=no-verify to DATABASE_URL only for a local database with a self-signed certificate.';", languageOptions: esm },
    { code: "const url = 'postgres://app@db/app?sslmode=no-verifyx';", languageOptions: esm },
    { code: "throw new Error('Cannot verify the database certificate: see https://node-postgres.com/features/ssl?sslmode=no-verify for what the setting does');", languageOptions: esm },
    { code: "export const url = `${protocol}://${host}/app?sslmode=no-verify`;", languageOptions: esm },
    { code: "const url = settings.allowSelfSigned ? 'postgres://app@db/app?sslmode=no-verify' : 'postgres://app@db/app?sslmode=verify-full';", languageOptions: esm },
    // a child process's environment: verification kept on, or not a process the code starts
    { code: "const { spawn } = require('child_process'); spawn('node', ['worker.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '1' } });", languageOptions: cjs },
    { code: "import { fork } from 'node:child_process'; fork('./worker.js', [], { env: { ...process.env, NODE_EXTRA_CA_CERTS: '/etc/ssl/internal-ca.pem' } });", languageOptions: esm },
    { code: "import { runTask } from './tasks.js'; runTask({ env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });", languageOptions: esm },
    { code: "import { execa } from 'execa'; if (options.insecure) await execa('npm', ['ping'], { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });", languageOptions: esm },
    { code: "function spawn(cmd, opts) { return opts; } spawn('node', { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });", languageOptions: esm },
    { code: "const process = { env: {} }; process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", languageOptions: esm },
    // `secure: false` is an option of many things; only http-proxy's turns verification off
    { code: "res.cookie('sid', id, { httpOnly: true, secure: false });", languageOptions: esm },
    { code: "import nodemailer from 'nodemailer'; nodemailer.createTransport({ host, port: 587, secure: false, auth });", languageOptions: esm },
    { code: "import { createProxyMiddleware } from 'http-proxy-middleware'; app.use('/api', createProxyMiddleware({ target, changeOrigin: true, secure: true }));", languageOptions: esm },
    // types and destructuring defaults are not settings
    { code: 'interface AgentOptions { rejectUnauthorized: false; strictSSL?: boolean }', languageOptions: ts },
    { code: 'export function connect({ rejectUnauthorized = true, ...rest }) { return tls.connect({ rejectUnauthorized, ...rest }); }', languageOptions: esm },
    { code: 'const { rejectUnauthorized } = options; log(rejectUnauthorized);', languageOptions: esm },
    // schema descriptions of the option
    { code: "export const schema = { rejectUnauthorized: { type: 'boolean', default: true, env: 'SMTP_TLS_VERIFY' } };", languageOptions: esm },
    // a method named like superagent's on something else is still reported, but this file has none
    { code: "agent.disableTLS = false; client.disableTLSCertsLater = true;", languageOptions: esm },
    // development-only overrides are not reported with `allowEnvironmentGuarded`
    {
      code: "import { Pool } from 'pg'; new Pool({ ssl: process.env.NODE_ENV === 'production' ? { ca } : { rejectUnauthorized: false } });",
      options: [{ allowEnvironmentGuarded: true }],
      languageOptions: esm,
    },
    {
      code: "if (process.env.NODE_ENV !== 'production') { process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; }",
      options: [{ allowEnvironmentGuarded: true }],
      languageOptions: cjs,
    },
    // operator switches, as careful applications write them
    { code: "const axios = require('axios'); const https = require('https'); class Monitor { async check() { return axios.get(this.url, { httpsAgent: new https.Agent({ rejectUnauthorized: !this.getIgnoreTls(), maxCachedSessions: 0 }) }); } }", languageOptions: cjs },
    { code: "import request from 'request'; export class Uplink { fetch(url) { return request({ url, strictSSL: this.strict_ssl, proxy: this.proxy }); } }", languageOptions: esm },
    { code: "import { Client } from 'pg'; export const connect = (config) => new Client({ ...config, ssl: config.ssl ? { rejectUnauthorized: config.rejectUnauthorized ?? true, ca: config.ca } : undefined });", languageOptions: ts },
    { code: "module.exports = { mongodb: { connectionOptions: { ssl: getBoolean(process.env.ME_CONFIG_MONGODB_SSL, false), sslValidate: getBoolean(process.env.ME_CONFIG_MONGODB_SSLVALIDATE, true) } } };", languageOptions: cjs },
    { code: "import nodemailer from 'nodemailer'; export const send = (n) => nodemailer.createTransport({ host: n.smtpHost, secure: n.smtpSecure, tls: { rejectUnauthorized: !n.smtpIgnoreTLSError || false } });", languageOptions: esm },
    { code: "import { Agent } from 'undici'; export const dispatcher = new Agent({ connect: { rejectUnauthorized: env.HTTP_TLS_VERIFY, ca: env.HTTP_CA } });", languageOptions: ts },
    // a literal behind a switch named for certificate checking is the operator's choice
    { code: "module.exports = function parse(config) { switch (config.sslmode) { case 'disable': config.ssl = false; break; case 'no-verify': config.ssl.rejectUnauthorized = false; break; } return config; };", languageOptions: cjs },
    { code: "import https from 'https'; export function agentFor(config) { const options = { keepAlive: true }; if (config.tls.allowSelfSigned) options.rejectUnauthorized = false; return new https.Agent(options); }", languageOptions: esm },
    { code: "import { Pool } from 'pg'; export const pool = new Pool({ ssl: process.env.DB_SSL_NO_VERIFY === 'true' ? { rejectUnauthorized: false } : { ca } });", languageOptions: ts },
    { code: "import axios from 'axios'; import https from 'https'; export const client = (opts) => axios.create({ httpsAgent: opts.ignoreTlsErrors ? new https.Agent({ rejectUnauthorized: false }) : undefined });", languageOptions: esm },
    { code: "import request from 'request'; export const get = (url, insecure) => request({ url, ...(insecure && { strictSSL: false }) });", languageOptions: esm },
    // more careful code: verification on, private authorities, client certificates, other meanings of the names
    { code: "import https from 'https'; import fs from 'fs'; export const agent = new https.Agent({ cert: fs.readFileSync('client.crt'), key: fs.readFileSync('client.key'), ca: fs.readFileSync('ca.crt') });", languageOptions: esm },
    { code: "const { Sequelize } = require('sequelize'); module.exports = new Sequelize(process.env.DATABASE_URL, { dialectOptions: { ssl: { require: true, ca: process.env.DB_CA_CERT } } });", languageOptions: cjs },
    { code: "import { DataSource } from 'typeorm'; export default new DataSource({ type: 'postgres', url, extra: { ssl: { rejectUnauthorized: true, ca } } });", languageOptions: ts },
    { code: "import Redis from 'ioredis'; export const redis = new Redis(process.env.REDIS_URL, { tls: { servername: new URL(process.env.REDIS_URL).hostname } });", languageOptions: ts },
    { code: "import WebSocket from 'ws'; const ws = new WebSocket(url, { ca: readFileSync(caFile), rejectUnauthorized: true });", languageOptions: esm },
    { code: "import nodemailer from 'nodemailer'; nodemailer.createTransport({ host, port: 465, secure: true, tls: { minVersion: 'TLSv1.2', servername: host } });", languageOptions: esm },
    { code: "import { MongoClient } from 'mongodb'; new MongoClient(uri, { tls: true, tlsCAFile: caPath, tlsAllowInvalidHostnames: false, tlsInsecure: false });", languageOptions: esm },
    { code: "import got from 'got'; await got(url, { https: { certificateAuthority: ca, rejectUnauthorized: true } });", languageOptions: esm },
    { code: "import superagent from 'superagent'; await superagent.get(url).ca(caCert).timeout(5000);", languageOptions: esm },
    { code: "import tls from 'tls'; const socket = tls.connect(port, host, { servername: host, checkServerIdentity: (h, cert) => tls.checkServerIdentity(h, cert) ?? pinCheck(cert) });", languageOptions: esm },
    { code: "import tls from 'tls'; export const describe = () => ({ min: tls.DEFAULT_MIN_VERSION, max: tls.DEFAULT_MAX_VERSION });", languageOptions: esm },
    { code: "import { readFileSync } from 'fs'; process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/internal-ca.pem';", languageOptions: esm },
    { code: "const env = { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: undefined }; spawn('node', ['worker.js'], { env });", languageOptions: cjs },
    { code: "export const settings = { minVersion: '1.0.0', maxVersion: '2.x', secureProtocol: 'https' };", languageOptions: esm },
    { code: "export const pkg = { strictSSL: process.env.npm_config_strict_ssl !== 'false' };", languageOptions: esm },
    { code: "logger.warn('rejectUnauthorized: false is not supported; set NODE_TLS_REJECT_UNAUTHORIZED=1');", languageOptions: esm },
    { code: "const flags = { insecure: true, secure: false }; cookies.set('a', b, flags);", languageOptions: esm },
    { code: "import httpProxy from 'http-proxy'; const proxy = httpProxy.createProxyServer({ target, secure: true, changeOrigin: true });", languageOptions: esm },
    { code: "import { Client } from 'pg'; const client = new Client({ ssl: config.db.ssl === false ? false : { rejectUnauthorized: config.db.ssl.verify } });", languageOptions: ts },
    { code: "type TlsOptions = { rejectUnauthorized?: boolean }; const defaults: TlsOptions = {}; export function agent(o: TlsOptions = defaults) { return o; }", languageOptions: ts },
    // the everyday careful forms, under every parser
    ...acrossParsers(
      [
        { code: "const https = require('https');\nconst agent = new https.Agent({ ca: process.env.INTERNAL_CA, keepAlive: true });" },
        { code: "const { Pool } = require('pg');\nconst pool = new Pool({ ssl: { rejectUnauthorized: process.env.PGSSL_VERIFY !== 'false' } });" },
        { code: "const tls = require('tls');\ntls.createServer({ key, cert, ca, requestCert: true, rejectUnauthorized: false }, onSocket);" },
        { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';\nmodule.exports = {};" },
        { code: "const axios = require('axios');\nmodule.exports = axios.create({ httpsAgent: new (require('https').Agent)({ rejectUnauthorized: !config.allowSelfSigned }) });" },
      ],
      all,
    ),
    // careful code: servers, restored settings, checks that refuse, proxies without TLS
    // a server-side TLS socket that asks for client certificates and checks them itself
    { code: "import tls from 'tls'; server.on('connection', (socket) => { const secure = new tls.TLSSocket(socket, { isServer: true, secureContext, requestCert: true, rejectUnauthorized: false }); });", languageOptions: esm },
    // server options typed as such, for mutual TLS checked in the handler
    { code: "import https from 'https'; const serverOptions: https.ServerOptions = { key, cert, ca, requestCert: true, rejectUnauthorized: false }; export default https.createServer(serverOptions, app);", languageOptions: ts },
    // the environment variable restored to its earlier value
    { code: "const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED; try { await run(); } finally { process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous; }", languageOptions: esm },
    // a checkServerIdentity that refuses an unexpected subject
    { code: "import tls from 'tls'; tls.connect({ host, checkServerIdentity(hostname, cert) { if (cert.subject.CN !== expected) { return new Error(`unexpected CN ${cert.subject.CN}`); } return undefined; } });", languageOptions: esm },
    // a child process's own environment, not this process's
    { code: "import { execa } from 'execa'; await execa('npm', ['ping'], { env: { NODE_TLS_REJECT_UNAUTHORIZED: '1' } });", languageOptions: esm },
    // a proxy to a plain-HTTP target makes no TLS connection
    { code: "import { createProxyMiddleware } from 'http-proxy-middleware'; app.use('/api', createProxyMiddleware({ target: 'http://localhost:4000', changeOrigin: true, secure: false }));", languageOptions: esm },
    // strange code
    { code: '', languageOptions: esm },
    { code: "const o = { [rejectUnauthorized]: false, ...{ strictSSL } }; o?.['minVersion']; function F() { return new.target; }", languageOptions: esm },
    { code: "import tls = require('tls'); tls.connect({ ...opts, rejectUnauthorized: opts.rejectUnauthorized ?? true } satisfies tls.ConnectionOptions);", languageOptions: ts },
    { code: "@Injectable() class C { rejectUnauthorized = false; strictSSL: boolean = false; }", languageOptions: ts },
    { code: 'tls.connect(...[{ checkServerIdentity }]); obj.rejectUnauthorized += false;', languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers<Invalid>(
      [
        {
          code: "const https = require('https');\nconst agent = new https.Agent({ rejectUnauthorized: false });",
          errors: [
            {
              messageId: 'insecureOption',
              data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `https.Agent`' },
              line: 2,
              column: 33,
              suggestions: [{ messageId: 'setSecure', output: "const https = require('https');\nconst agent = new https.Agent({ rejectUnauthorized: true });" }],
            },
          ],
        },
        {
          code: "const { Pool } = require('pg');\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });",
          errors: [
            {
              messageId: 'insecureOption',
              data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `pg.Pool`' },
              suggestions: [{ messageId: 'setSecure', output: "const { Pool } = require('pg');\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });" }],
            },
          ],
        },
        {
          code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nmodule.exports = {};",
          errors: [{ messageId: 'processWide', line: 1, suggestions: [{ messageId: 'removeStatement', output: '\nmodule.exports = {};' }] }],
        },
      ],
      all,
    ),
    ...acrossParsers<Invalid>([
      // axios: an agent nested in the client's options is named by the agent
      {
        code: "import axios from 'axios';\nimport https from 'node:https';\nexport const api = axios.create({ baseURL, httpsAgent: new https.Agent({ rejectUnauthorized: false }) });",
        errors: [
          {
            messageId: 'insecureOption',
            data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `https.Agent`' },
            suggestions: [{ messageId: 'setSecure', output: "import axios from 'axios';\nimport https from 'node:https';\nexport const api = axios.create({ baseURL, httpsAgent: new https.Agent({ rejectUnauthorized: true }) });" }],
          },
        ],
      },
      // options followed through a constant
      {
        code: "import https from 'https';\nconst agentOptions = { keepAlive: true, rejectUnauthorized: false };\nexport const agent = new https.Agent(agentOptions);",
        errors: [
          {
            messageId: 'insecureOption',
            data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `https.Agent`' },
            line: 2,
            suggestions: [{ messageId: 'setSecure', output: "import https from 'https';\nconst agentOptions = { keepAlive: true, rejectUnauthorized: true };\nexport const agent = new https.Agent(agentOptions);" }],
          },
        ],
      },
      // the value through a constant
      {
        code: "import got from 'got';\nconst VERIFY = false;\nawait got(url, { https: { rejectUnauthorized: VERIFY } });",
        errors: [
          {
            messageId: 'insecureOption',
            data: { setting: 'rejectUnauthorized: VERIFY', effect: 'turns off TLS certificate verification', where: ' for `got`' },
            suggestions: [{ messageId: 'setSecure', output: "import got from 'got';\nconst VERIFY = false;\nawait got(url, { https: { rejectUnauthorized: true } });" }],
          },
        ],
      },
      // undici dispatcher
      {
        code: "import { Agent, fetch } from 'undici';\nconst dispatcher = new Agent({ connect: { rejectUnauthorized: false } });",
        errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `undici.Agent`' }, suggestions: [{ messageId: 'setSecure', output: "import { Agent, fetch } from 'undici';\nconst dispatcher = new Agent({ connect: { rejectUnauthorized: true } });" }] }],
      },
      // a bare options object whose destination is unknown: reported, no library named
      {
        code: 'export const sslOptions = { rejectUnauthorized: false };',
        errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: '' }, suggestions: [{ messageId: 'setSecure', output: 'export const sslOptions = { rejectUnauthorized: true };' }] }],
      },
      // a library not resolved by import is not named
      {
        code: 'const transporter = nodemailer.createTransport({ host, port: 587, tls: { rejectUnauthorized: false } });',
        errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: '' }, suggestions: [{ messageId: 'setSecure', output: 'const transporter = nodemailer.createTransport({ host, port: 587, tls: { rejectUnauthorized: true } });' }] }],
      },
      // ws
      {
        code: "import WebSocket from 'ws';\nconst socket = new WebSocket(url, { rejectUnauthorized: false });",
        errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `ws`' }, suggestions: [{ messageId: 'setSecure', output: "import WebSocket from 'ws';\nconst socket = new WebSocket(url, { rejectUnauthorized: true });" }] }],
      },
      // Sequelize dialectOptions
      {
        code: "import { Sequelize } from 'sequelize';\nexport const db = new Sequelize(url, { dialect: 'postgres', dialectOptions: { ssl: { require: true, rejectUnauthorized: false } } });",
        errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `sequelize.Sequelize`' }, suggestions: [{ messageId: 'setSecure', output: "import { Sequelize } from 'sequelize';\nexport const db = new Sequelize(url, { dialect: 'postgres', dialectOptions: { ssl: { require: true, rejectUnauthorized: true } } });" }] }],
      },
      // mongodb
      {
        code: "import { MongoClient } from 'mongodb';\nconst client = new MongoClient(uri, { tls: true, tlsAllowInvalidCertificates: true });",
        errors: [{ messageId: 'insecureOption', data: { setting: 'tlsAllowInvalidCertificates: true', effect: 'turns off TLS certificate verification', where: ' for `mongodb.MongoClient`' }, suggestions: [{ messageId: 'setSecure', output: "import { MongoClient } from 'mongodb';\nconst client = new MongoClient(uri, { tls: true, tlsAllowInvalidCertificates: false });" }] }],
      },
      {
        code: "import mongoose from 'mongoose';\nawait mongoose.connect(uri, { ssl: true, sslValidate: false });",
        errors: [{ messageId: 'insecureOption', data: { setting: 'sslValidate: false', effect: 'turns off TLS certificate verification', where: ' for `mongoose.connect`' }, suggestions: [{ messageId: 'setSecure', output: "import mongoose from 'mongoose';\nawait mongoose.connect(uri, { ssl: true, sslValidate: true });" }] }],
      },
      // request's strictSSL
      {
        code: "import request from 'request';\nrequest({ url, strictSSL: false }, callback);",
        errors: [{ messageId: 'insecureOption', data: { setting: 'strictSSL: false', effect: 'turns off TLS certificate verification', where: ' for `request`' }, suggestions: [{ messageId: 'setSecure', output: "import request from 'request';\nrequest({ url, strictSSL: true }, callback);" }] }],
      },
      // checkServerIdentity that accepts every host, as arrow and as method
      {
        code: "import tls from 'tls';\ntls.connect({ host, port, checkServerIdentity: () => undefined });",
        errors: [{ messageId: 'insecureOption', data: { setting: 'checkServerIdentity', effect: 'accepts a certificate issued for any host name', where: ' for `tls.connect`' }, suggestions: [{ messageId: 'removeOption', output: "import tls from 'tls';\ntls.connect({ host, port });" }] }],
      },
      {
        code: "import https from 'https';\nhttps.get(url, { checkServerIdentity() { console.log('skipping'); }, timeout: 5000 }, onResponse);",
        errors: [{ messageId: 'insecureOption', data: { setting: 'checkServerIdentity', effect: 'accepts a certificate issued for any host name', where: ' for `https.get`' }, suggestions: [{ messageId: 'removeOption', output: "import https from 'https';\nhttps.get(url, { timeout: 5000 }, onResponse);" }] }],
      },
      // old protocol versions
      {
        code: "import tls from 'tls';\nconst context = tls.createSecureContext({ minVersion: 'TLSv1' });",
        errors: [{ messageId: 'insecureOption', data: { setting: "minVersion: 'TLSv1'", effect: 'allows TLS versions below 1.2', where: ' for `tls.createSecureContext`' }, suggestions: [{ messageId: 'setSecure', output: "import tls from 'tls';\nconst context = tls.createSecureContext({ minVersion: 'TLSv1.2' });" }] }],
      },
      {
        code: "import https from 'https';\nnew https.Agent({ keepAlive: true, secureProtocol: 'TLSv1_1_method' });",
        errors: [{ messageId: 'insecureOption', data: { setting: "secureProtocol: 'TLSv1_1_method'", effect: 'pins a TLS version below 1.2', where: ' for `https.Agent`' }, suggestions: [{ messageId: 'removeOption', output: "import https from 'https';\nnew https.Agent({ keepAlive: true });" }] }],
      },
      {
        code: "import tls from 'node:tls';\ntls.DEFAULT_MIN_VERSION = 'TLSv1';",
        errors: [{ messageId: 'oldDefaultVersion', data: { name: 'DEFAULT_MIN_VERSION', value: "'TLSv1'" }, suggestions: [{ messageId: 'removeStatement', output: "import tls from 'node:tls';\n" }] }],
      },
      // the environment variable, other spellings
      {
        code: "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;",
        errors: [{ messageId: 'processWide', suggestions: [{ messageId: 'removeStatement', output: '' }] }],
      },
      {
        code: "Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: '0', TZ: 'UTC' });",
        errors: [{ messageId: 'processWide', suggestions: [{ messageId: 'removeOption', output: "Object.assign(process.env, { TZ: 'UTC' });" }] }],
      },
      // connection strings
      {
        code: "const { Pool } = require('pg');\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL || 'postgres://app:app@db.internal:5432/app?sslmode=no-verify' });",
        languageOptions: cjs,
        errors: [{ messageId: 'insecureOption', data: { setting: 'sslmode=no-verify', effect: 'turns off TLS certificate verification', where: ' in this connection string' }, line: 2, suggestions: [] }],
      },
      {
        code: "export const uri = `mongodb://${host}:27017/app?tls=true&tlsInsecure=true&authSource=admin`;",
        errors: [{ messageId: 'insecureOption', data: { setting: 'tlsInsecure=true', effect: 'turns off TLS certificate and host name verification', where: ' in this connection string' }, suggestions: [] }],
      },
      {
        code: "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient({ datasources: { db: { url: 'mysql://app@db.internal:3306/app?sslaccept=accept_invalid_certs' } } });",
        languageOptions: ts,
        errors: [{ messageId: 'insecureOption', data: { setting: 'sslaccept=accept_invalid_certs', effect: 'turns off TLS certificate verification', where: ' in this connection string' }, line: 2, suggestions: [] }],
      },
      // the environment of a child process it starts
      {
        code: "const { spawn } = require('child_process');\nspawn('node', ['sync.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });",
        languageOptions: cjs,
        errors: [{ messageId: 'childProcessWide', data: { launcher: 'child_process.spawn' }, line: 2, suggestions: [{ messageId: 'removeOption', output: "const { spawn } = require('child_process');\nspawn('node', ['sync.js'], { env: { ...process.env } });" }] }],
      },
      {
        code: "import { fork } from 'node:child_process';\nconst options = { env: { NODE_TLS_REJECT_UNAUTHORIZED: 0, PORT: '3001' } };\nfork('./server.js', [], options);",
        errors: [{ messageId: 'childProcessWide', data: { launcher: 'child_process.fork' }, line: 2, suggestions: [{ messageId: 'removeOption', output: "import { fork } from 'node:child_process';\nconst options = { env: { PORT: '3001' } };\nfork('./server.js', [], options);" }] }],
      },
      {
        code: "import { execa } from 'execa';\nawait execa('npm', ['publish'], { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });",
        errors: [{ messageId: 'childProcessWide', data: { launcher: 'execa.execa' }, line: 2, suggestions: [{ messageId: 'removeOption', output: "import { execa } from 'execa';\nawait execa('npm', ['publish'], { env: {  } });" }] }],
      },
      {
        code: "import { env } from 'node:process';\nenv.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
        errors: [{ messageId: 'processWide', suggestions: [{ messageId: 'removeStatement', output: "import { env } from 'node:process';\n" }] }],
      },
      // an assignment to an options object, and to the global agent
      {
        code: "import https from 'https';\nconst options = { hostname, port: 443 };\noptions.rejectUnauthorized = false;\nhttps.request(options, onResponse);",
        errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `https.request`' }, line: 3, suggestions: [{ messageId: 'removeStatement', output: "import https from 'https';\nconst options = { hostname, port: 443 };\n\nhttps.request(options, onResponse);" }] }],
      },
      // the global agent, and options of query builders
    {
      code: "import https from 'https';\nhttps.globalAgent.options.rejectUnauthorized = false;",
      errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: '' }, suggestions: [{ messageId: 'removeStatement', output: "import https from 'https';\n" }] }],
    },
    {
      code: "import knex from 'knex';\nexport const db = knex({ client: 'pg', connection: { connectionString, ssl: { rejectUnauthorized: false } } });",
      errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `knex`' }, suggestions: [{ messageId: 'setSecure', output: "import knex from 'knex';\nexport const db = knex({ client: 'pg', connection: { connectionString, ssl: { rejectUnauthorized: true } } });" }] }],
    },
    // a condition that turns TLS on, not verification off, does not make the literal a choice
    {
      code: "import { Pool } from 'pg';\nexport const pool = new Pool({ ssl: useSsl ? { rejectUnauthorized: false } : false });",
      errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `pg.Pool`' }, suggestions: [{ messageId: 'setSecure', output: "import { Pool } from 'pg';\nexport const pool = new Pool({ ssl: useSsl ? { rejectUnauthorized: true } : false });" }] }],
    },
    {
      code: "export function configure(options) {\n  if (options.ssl) {\n    options.ssl.rejectUnauthorized = false;\n  }\n  return options;\n}",
      errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: '' }, line: 3, suggestions: [{ messageId: 'removeStatement', output: "export function configure(options) {\n  if (options.ssl) {\n    \n  }\n  return options;\n}" }] }],
    },
    // development guards are still reported by default
      {
        code: "import { Pool } from 'pg';\nnew Pool({ ssl: process.env.NODE_ENV === 'production' ? { ca } : { rejectUnauthorized: false } });",
        errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: false', effect: 'turns off TLS certificate verification', where: ' for `pg.Pool`' }, suggestions: [{ messageId: 'setSecure', output: "import { Pool } from 'pg';\nnew Pool({ ssl: process.env.NODE_ENV === 'production' ? { ca } : { rejectUnauthorized: true } });" }] }],
      },
      // superagent
      {
        code: "import superagent from 'superagent';\nconst res = await superagent.get(url).disableTLSCerts().timeout(5000);",
        errors: [{ messageId: 'disabledCerts', data: { call: 'superagent.get(…).disableTLSCerts()' }, suggestions: [{ messageId: 'removeCall', output: "import superagent from 'superagent';\nconst res = await superagent.get(url).timeout(5000);" }] }],
      },
      // http-proxy-middleware
      {
        code: "import { createProxyMiddleware } from 'http-proxy-middleware';\napp.use('/api', createProxyMiddleware({ target, changeOrigin: true, secure: false }));",
        errors: [{ messageId: 'insecureOption', data: { setting: 'secure: false', effect: "turns off verification of the proxy target's TLS certificate", where: ' for `http-proxy-middleware.createProxyMiddleware`' }, suggestions: [{ messageId: 'removeOption', output: "import { createProxyMiddleware } from 'http-proxy-middleware';\napp.use('/api', createProxyMiddleware({ target, changeOrigin: true }));" }] }],
      },
      // an http target with a router that may pick an https one
      {
        code: "import { createProxyMiddleware } from 'http-proxy-middleware';\napp.use('/api', createProxyMiddleware({ target: 'http://localhost:4000', router: routes, secure: false }));",
        errors: [{ messageId: 'insecureOption', suggestions: [{ messageId: 'removeOption', output: "import { createProxyMiddleware } from 'http-proxy-middleware';\napp.use('/api', createProxyMiddleware({ target: 'http://localhost:4000', router: routes }));" }] }],
      },
      {
        code: "import httpProxy from 'http-proxy';\nexport const proxy = httpProxy.createProxyServer({ target: 'https://api.internal', secure: false });",
        errors: [{ messageId: 'insecureOption', suggestions: [{ messageId: 'removeOption', output: "import httpProxy from 'http-proxy';\nexport const proxy = httpProxy.createProxyServer({ target: 'https://api.internal' });" }] }],
      },
    ]),
    // ioredis, TypeScript shapes
    {
      code: "import Redis from 'ioredis';\nexport const redis = new Redis(url, { tls: { rejectUnauthorized: false as boolean } } satisfies RedisOptions);",
      languageOptions: ts,
      errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized', effect: 'turns off TLS certificate verification', where: ' for `ioredis`' }, suggestions: [{ messageId: 'setSecure', output: "import Redis from 'ioredis';\nexport const redis = new Redis(url, { tls: { rejectUnauthorized: true } } satisfies RedisOptions);" }] }],
    },
    // shorthand property
    {
      code: "const rejectUnauthorized = false;\nconst tls = require('tls');\ntls.connect({ host, rejectUnauthorized });",
      languageOptions: cjs,
      errors: [{ messageId: 'insecureOption', data: { setting: 'rejectUnauthorized: rejectUnauthorized', effect: 'turns off TLS certificate verification', where: ' for `tls.connect`' }, suggestions: [{ messageId: 'setSecure', output: "const rejectUnauthorized = false;\nconst tls = require('tls');\ntls.connect({ host, rejectUnauthorized: true });" }] }],
    },
  ],
});
