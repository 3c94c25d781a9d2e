import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-unsafe-file-upload.js';
import { acrossParsers, cjs, cjsAsModule, esm, ts } from '../helpers.js';

const ruleTester = new RuleTester();

const MULTER_CAREFUL = `import multer from 'multer';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

const ALLOWED = new Set(['.png', '.jpg', '.jpeg', '.webp']);
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, '/var/app/uploads'),
  filename: (req, file, cb) => cb(null, \`\${randomUUID()}\${path.extname(file.originalname).toLowerCase()}\`),
});
export const upload = multer({
  storage,
  limits: { fileSize: 5 * 1024 * 1024, files: 1 },
  fileFilter: (req, file, cb) => cb(null, ALLOWED.has(path.extname(file.originalname).toLowerCase())),
});`;

const BUSBOY_TO_S3 = `const busboy = require('busboy');
const { randomUUID } = require('crypto');
module.exports = (req, res) => {
  const bb = busboy({ headers: req.headers, limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  bb.on('file', (name, file, info) => {
    const key = \`uploads/\${randomUUID()}\`;
    s3.upload({ Bucket: process.env.BUCKET, Key: key, Body: file, ContentType: info.mimeType });
  });
  req.pipe(bb);
};`;

ruleTester.run('no-unsafe-file-upload', rule, {
  valid: [
    // review: generated names that keep only the client's extension, read in other ways
    { code: "import fs from 'node:fs'; import path from 'node:path'; export function save(file, hash, id) { fs.writeFileSync(path.join(DIR, `${hash}.${file.originalname.split('.').pop()}`), file.buffer); fs.writeFileSync(path.join(DIR, id + path.parse(file.originalname).ext), file.buffer); }", languageOptions: esm },
    { code: "import multer from 'multer'; import { join } from 'node:path'; const storage = multer.diskStorage({ destination: join(__dirname, 'uploads'), filename: (req, file, cb) => { const ext = file.originalname.slice(file.originalname.lastIndexOf('.')); cb(null, `${crypto.randomUUID()}${ext}`); } }); export const upload = multer({ storage, limits: { fileSize: 1e6 } });", languageOptions: ts },
    // review: the client's name with every character but [A-Za-z0-9._-] replaced, after a timestamp
    { code: "import fs from 'node:fs'; import path from 'node:path'; export function save(file) { const safe = file.originalname.replace(/[^a-zA-Z0-9._-]/g, '_'); fs.writeFileSync(path.join(DIR, `${Date.now()}_${safe}`), file.buffer); }", languageOptions: esm },
    // review: options chosen by environment, and typed with `satisfies`
    { code: "import multer from 'multer'; export const upload = multer(isProd ? prodOptions : devOptions); export const avatar = multer({ storage: multer.memoryStorage(), limits: { fileSize: 1e6 } } satisfies multer.Options);", languageOptions: ts },
    // review: multer's documented filename pattern: field name, time and the client's extension only
    { code: "import multer from 'multer'; import path from 'node:path'; const storage = multer.diskStorage({ destination: (req, file, cb) => cb(null, '/tmp/my-uploads'), filename: (req, file, cb) => { const uniqueSuffix = Date.now() + '-' + Math.round(Math.random() * 1e9); cb(null, file.fieldname + '-' + uniqueSuffix + path.extname(file.originalname)); } }); const upload = multer({ storage, limits: { fileSize: 1e6 } });", languageOptions: esm },
    // review: moving a multer disk file by its generated `filename`
    { code: "import fs from 'node:fs/promises'; import path from 'node:path'; app.post('/doc', upload.single('doc'), async (req, res) => { await fs.rename(req.file.path, path.join(DOCS_DIR, req.file.filename)); res.sendStatus(201); });", languageOptions: esm },
    // review: the client's name passed through a sanitizing helper
    { code: "import fs from 'node:fs'; import path from 'node:path'; import { safeFileName } from './names.js'; export function store(file) { fs.writeFileSync(path.join(DIR, safeFileName(file.originalname)), file.buffer); }", languageOptions: esm },
    // review: express-fileupload saving under a generated name that keeps the extension
    { code: "import fileUpload from 'express-fileupload'; import path from 'node:path'; import { randomUUID } from 'node:crypto'; app.use(fileUpload({ limits: { fileSize: 5e6 } })); app.post('/img', async (req, res) => { const img = req.files.image; await img.mv(path.join(IMG_DIR, `${randomUUID()}${path.extname(img.name)}`)); res.sendStatus(201); });", languageOptions: esm },
    // review: limits from a named constant
    { code: "import multer from 'multer'; const LIMITS = { fileSize: 5 * 1024 * 1024, files: 3 }; export const upload = multer({ dest: 'tmp/', limits: LIMITS });", languageOptions: esm },
    // review: uploads kept in object storage (multer-s3), with limits
    { code: "import multer from 'multer'; import multerS3 from 'multer-s3'; const upload = multer({ storage: multerS3({ s3, bucket: 'uploads', key: (req, file, cb) => cb(null, crypto.randomUUID()) }), limits: { fileSize: 20e6 } });", languageOptions: esm },
    // review: formidable with a size limit and a type filter
    { code: "import formidable from 'formidable'; const form = formidable({ maxFileSize: 5 * 1024 * 1024, uploadDir: '/var/app/tmp', filter: ({ mimetype }) => !!mimetype && mimetype.startsWith('image/') });", languageOptions: esm },
    // review: busboy with a file size limit writing to a generated name
    { code: "import busboy from 'busboy'; import fs from 'node:fs'; import path from 'node:path'; import { randomUUID } from 'node:crypto'; app.post('/up', (req, res) => { const bb = busboy({ headers: req.headers, limits: { fileSize: 1e6 } }); bb.on('file', (name, file, info) => { file.pipe(fs.createWriteStream(path.join(DIR, randomUUID()))); }); req.pipe(bb); });", languageOptions: esm },
    // review: limits from a config object
    { code: "import multer from 'multer'; const upload = multer({ dest: 'tmp/uploads', limits: { fileSize: config.uploads.maxBytes, files: 1 } }); app.post('/avatar', upload.single('avatar'), handler);", languageOptions: esm },
    // review: generated name that keeps only the client's extension
    { code: "import multer from 'multer'; import path from 'node:path'; import { randomUUID } from 'node:crypto'; const storage = multer.diskStorage({ destination: 'var/uploads', filename: (req, file, cb) => cb(null, `${randomUUID()}${path.extname(file.originalname).toLowerCase()}`) }); export const upload = multer({ storage, limits: { fileSize: 2 * 1024 * 1024 } });", languageOptions: esm },
    // review: memory storage with a limit from an environment variable with a fallback
    { code: "const multer = require('multer'); const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: Number(process.env.MAX_UPLOAD_BYTES ?? 5 * 1024 * 1024) } });", languageOptions: cjs },
    // review: uploads stored outside the static folder, static folder served
    { code: "import express from 'express'; import multer from 'multer'; import path from 'node:path'; const app = express(); app.use(express.static(path.join(__dirname, 'public'))); const upload = multer({ dest: path.join(__dirname, 'uploads'), limits: { fileSize: 1e6 } });", languageOptions: ts },
    // review: the original name stored only as data, the file written under a generated id
    { code: "import fs from 'node:fs/promises'; import path from 'node:path'; import { randomUUID } from 'node:crypto'; export async function save(file) { const id = randomUUID(); await fs.writeFile(path.join(UPLOAD_DIR, id), file.buffer); await fs.writeFile(path.join(UPLOAD_DIR, `${id}.json`), JSON.stringify({ originalName: file.originalname, type: file.mimetype })); }", languageOptions: esm },
    // review: express-fileupload with limits and a generated target name
    { code: "import fileUpload from 'express-fileupload'; import { randomUUID } from 'node:crypto'; app.use(fileUpload({ limits: { fileSize: 10 * 1024 * 1024 }, abortOnLimit: true })); app.post('/doc', async (req, res) => { const doc = req.files.doc; await doc.mv(`/srv/docs/${randomUUID()}.pdf`); res.sendStatus(201); });", languageOptions: esm },
    // size limits set
    { code: MULTER_CAREFUL, languageOptions: ts },
    { code: MULTER_CAREFUL, options: [{ requireFileTypeCheck: true }], languageOptions: ts },
    { code: "import multer from 'multer'; const upload = multer({ dest: 'uploads/', limits: { fileSize: 2 * 1024 * 1024 } });", languageOptions: esm },
    { code: "const multer = require('multer'); const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 1e6 } });", languageOptions: cjs },
    { code: "const Busboy = require('busboy'); const bb = new Busboy({ headers: req.headers, limits: { fileSize: 1024 * 1024 } });", languageOptions: cjsAsModule },
    { code: BUSBOY_TO_S3, languageOptions: cjs },
    { code: "import fileUpload from 'express-fileupload'; app.use(fileUpload({ limits: { fileSize: 50 * 1024 * 1024 }, abortOnLimit: true }));", languageOptions: esm },
    { code: "import multer from 'multer'; const upload = multer({ limits: { fileSize: MAX_UPLOAD_BYTES } });", languageOptions: ts },
    { code: "import multer from 'multer'; const upload = multer({ limits: config.uploadLimits });", languageOptions: ts },
    // formidable and koa-body have a 200 MB default; @fastify/multipart defaults to the body limit
    { code: "import formidable from 'formidable'; const form = formidable({ keepExtensions: false });", languageOptions: esm },
    { code: "const { IncomingForm } = require('formidable'); const form = new IncomingForm();", languageOptions: cjs },
    { code: "import { koaBody } from 'koa-body'; app.use(koaBody({ multipart: true }));", languageOptions: esm },
    { code: "import { koaBody } from 'koa-body'; app.use(koaBody());", languageOptions: esm },
    { code: "import multipart from '@fastify/multipart'; app.register(multipart);", languageOptions: ts },
    { code: "import multipart from '@fastify/multipart'; app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024 } });", languageOptions: ts },
    // multer storage that is not local (object storage), options from elsewhere, text-only forms
    { code: "import multer from 'multer'; import multerS3 from 'multer-s3'; const upload = multer({ storage: multerS3({ s3, bucket: 'media', key: (req, file, cb) => cb(null, randomUUID()) }) });", languageOptions: esm },
    { code: "import multer from 'multer'; const upload = multer(options);", languageOptions: esm },
    { code: "import multer from 'multer'; const upload = multer({ ...baseOptions });", languageOptions: esm },
    { code: "import multer from 'multer'; const form = multer(); router.post('/contact', form.none(), send);", languageOptions: esm },
    { code: "const multer = require('multer'); app.post('/profile', multer().none(), update);", languageOptions: cjs },
    // file types checked after the upload, or by a parser that has no filter option
    {
      code: "import multer from 'multer'; const upload = multer({ dest: os.tmpdir(), limits: { fileSize: 1e7 } }); const checkFileIsValid = (file, types) => types.includes(file.mimetype);",
      options: [{ requireFileTypeCheck: true }],
      languageOptions: esm,
    },
    { code: "import formidable from 'formidable'; const form = formidable({ maxFileSize: 5 * 1024 * 1024 });", options: [{ requireFileTypeCheck: true }], languageOptions: ts },
    { code: "const formidable = require('formidable'); app.post('/jserror', (req, res) => new formidable.IncomingForm().parse(req, (err, fields) => log(fields)));", options: [{ requireFileTypeCheck: true }], languageOptions: cjs },
    // uploads kept apart from the static folders
    { code: "import express from 'express'; import multer from 'multer'; app.use(express.static('public')); const upload = multer({ dest: 'uploads/', limits: { fileSize: 1e6 } });", languageOptions: esm },
    { code: "import express from 'express'; import multer from 'multer'; import path from 'path'; app.use(express.static(path.join(__dirname, 'public'))); multer.diskStorage({ destination: path.join(__dirname, 'storage', 'uploads') });", languageOptions: esm },
    { code: "import express from 'express'; import multer from 'multer'; import path from 'path'; app.use(express.static(path.join(__dirname, 'public'))); multer({ dest: 'public/uploads', limits: { fileSize: 1e6 } });", languageOptions: esm },
    { code: "import serve from 'koa-static'; import multer from 'multer'; app.use(serve(staticDir)); multer({ dest: uploadDir, limits: { fileSize: 1e6 } });", languageOptions: esm },
    // NestJS interceptors with multer's storage and generated names
    {
      code: "import { FileInterceptor } from '@nestjs/platform-express'; import { diskStorage } from 'multer'; import { extname } from 'path'; import { randomUUID } from 'crypto'; export class C { @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: './uploads', filename: (req, file, cb) => cb(null, `${randomUUID()}${extname(file.originalname)}`) }), limits: { fileSize: 2_000_000 } })) upload(@UploadedFile() file: Express.Multer.File) { return { name: file.originalname }; } }",
      languageOptions: ts,
    },
    { code: "import multer from 'multer'; const upload = multer({ storage: new GridFsStorage({ url, file: (req, file) => ({ filename: file.originalname }) }) });", languageOptions: esm },
    { code: "import busboy from 'busboy'; const bb = busboy({ headers: req.headers, limits: { fileSize: MAX } }); bb.on('file', (name, file, info) => file.pipe(gfs.openUploadStream(info.filename)));", languageOptions: esm },
    // generated names
    { code: "import multer from 'multer'; const storage = multer.diskStorage({ filename(req, file, cb) { cb(null, Date.now() + '-' + file.originalname); } });", languageOptions: esm },
    { code: "import multer from 'multer'; import { v4 as uuid } from 'uuid'; import path from 'path'; multer.diskStorage({ filename: (req, file, cb) => cb(null, `${uuid()}${path.extname(file.originalname)}`) });", languageOptions: ts },
    { code: "import multer from 'multer'; multer.diskStorage({ filename: (req, file, cb) => { const suffix = crypto.randomBytes(8).toString('hex'); cb(null, `${file.fieldname}-${suffix}`); } });", languageOptions: esm },
    { code: "import multer from 'multer'; multer.diskStorage({ filename: (req, file, cb) => cb(null, sanitize(file.originalname)) });", languageOptions: esm },
    { code: "import fs from 'node:fs/promises'; import path from 'node:path'; await fs.writeFile(path.join(dir, `${randomUUID()}${path.extname(file.originalname)}`), file.buffer);", languageOptions: ts },
    { code: "import fs from 'fs'; fs.renameSync(file.filepath, path.join(UPLOAD_DIR, `${file.newFilename}.bin`));", languageOptions: esm },
    { code: "const uploaded = req.files.avatar; uploaded.mv(path.join(__dirname, 'uploads', `${req.user.id}.png`));", languageOptions: cjs },
    { code: "const { avatar } = req.files; avatar.mv(`/srv/uploads/${Date.now()}-${avatar.name}`);", languageOptions: cjs },
    // the client name kept as data only, or written elsewhere
    { code: "import fs from 'fs'; await db.files.insert({ name: file.originalname, key }); fs.writeFileSync(path.join(dir, key), file.buffer);", languageOptions: esm },
    { code: "import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3'; await s3.send(new PutObjectCommand({ Bucket, Key: randomUUID(), Body: file.buffer, Metadata: { name: file.originalname } }));", languageOptions: ts },
    // not the libraries
    { code: "const multer = (o) => o; const upload = multer({ dest: 'uploads/' });", languageOptions: esm },
    { code: "import upload from './upload'; app.post('/x', upload({ dest: 'tmp' }));", languageOptions: esm },
    { code: "const fs = makeFs(); fs.writeFile(path.join(dir, file.originalname), data);", languageOptions: esm },
    { code: "item.mv(path.join(dir, item.name));", languageOptions: esm },
    // strange code
    { code: "import multer from 'multer'; const upload = multer(...args);", languageOptions: esm },
    { code: "import multer from 'multer'; multer.diskStorage({ filename: (req, file, cb) => cb(...[null, file.originalname]) });", languageOptions: esm },
    { code: "import multer from 'multer'; class U { @Inject() up = multer?.({ limits: { fileSize: 1 } }); m() { return new.target; } }", languageOptions: ts },
    { code: "import multer = require('multer'); const upload = multer({ limits: { fileSize: 1024 } }) satisfies unknown;", languageOptions: ts },
    { code: '', languageOptions: esm },
  ],
  invalid: [
    ...acrossParsers([
      {
        code: "import multer from 'multer'; const upload = multer({ dest: 'uploads/' });",
        errors: [{ messageId: 'noSizeLimit' as const, data: { call: 'multer()', example: '{ fileSize: 5 * 1024 * 1024 /* 5 MB */ }' } }],
      },
      {
        code: "import multer from 'multer'; const upload = multer(); app.post('/avatar', upload.single('avatar'), save);",
        errors: [{ messageId: 'noSizeLimit' as const }],
      },
      {
        code: "import multer from 'multer'; const storage = multer.diskStorage({ destination: 'uploads' }); export const upload = multer({ storage, fileFilter });",
        errors: [{ messageId: 'noSizeLimit' as const }],
      },
      {
        code: "import busboy from 'busboy'; export function handle(req) { const bb = busboy({ headers: req.headers }); req.pipe(bb); }",
        errors: [{ messageId: 'noSizeLimit' as const, data: { call: 'busboy()', example: '{ fileSize: 5 * 1024 * 1024 /* 5 MB */ }' } }],
      },
      {
        code: "import fileUpload from 'express-fileupload'; app.use(fileUpload({ useTempFiles: true, tempFileDir: '/tmp/' }));",
        errors: [{ messageId: 'noSizeLimit' as const }],
      },
      {
        code: "import multer from 'multer'; const upload = multer({ limits: { fileSize: Infinity } });",
        errors: [{ messageId: 'unlimitedSize' as const, data: { call: 'multer()', option: 'limits.fileSize', value: 'Infinity' } }],
      },
      {
        code: "import formidable from 'formidable'; const form = formidable({ maxFileSize: Infinity });",
        errors: [{ messageId: 'unlimitedSize' as const, data: { call: 'formidable()', option: 'maxFileSize', value: 'Infinity' } }],
      },
      {
        code: "import { koaBody } from 'koa-body'; app.use(koaBody({ multipart: true, formidable: { maxFileSize: Infinity } }));",
        errors: [{ messageId: 'unlimitedSize' as const, data: { call: 'koaBody()', option: 'formidable.maxFileSize', value: 'Infinity' } }],
      },
      {
        code: "import multipart from '@fastify/multipart'; app.register(multipart, { limits: { fileSize: Infinity } });",
        errors: [{ messageId: 'unlimitedSize' as const, data: { call: 'The multipart plugin', option: 'limits.fileSize', value: 'Infinity' } }],
      },
      {
        code: "import multer from 'multer'; const storage = multer.diskStorage({ destination: (req, file, cb) => cb(null, 'uploads/'), filename: (req, file, cb) => cb(null, file.originalname) });",
        errors: [{ messageId: 'clientFileName' as const, data: { name: 'file.originalname' } }],
      },
      {
        code: "import multer from 'multer'; multer.diskStorage({ filename(req, file, callback) { const { originalname } = file; callback(null, originalname); } });",
        errors: [{ messageId: 'clientFileName' as const, data: { name: 'originalname' } }],
      },
      {
        code: "import express from 'express'; import multer from 'multer'; import path from 'path'; app.use(express.static(path.join(__dirname, 'public'))); export const upload = multer({ dest: path.join(__dirname, 'public', 'uploads'), limits: { fileSize: 1e6 } });",
        errors: [{ messageId: 'servedFolder' as const, data: { folder: "path.join(__dirname, 'public', 'uploads')", line: '1' } }],
      },
      {
        code: "import express from 'express'; import multer from 'multer'; const storage = multer.diskStorage({ destination: (req, file, cb) => { cb(null, './public/images/'); }, filename: (req, file, cb) => cb(null, Date.now() + '.png') }); app.use(express.static('public'));",
        errors: [{ messageId: 'servedFolder' as const, data: { folder: "'./public/images/'", line: '1' } }],
      },
      {
        code: "import multer from 'multer'; import fastifyStatic from '@fastify/static'; const UPLOADS = '/srv/app/uploads'; app.register(fastifyStatic, { root: UPLOADS, prefix: '/files/' }); multer.diskStorage({ destination: UPLOADS });",
        errors: [{ messageId: 'servedFolder' as const, data: { folder: 'UPLOADS', line: '1' } }],
      },
      {
        code: "import { diskStorage } from 'multer'; export const options = { storage: diskStorage({ destination: './uploads', filename: (req, file, cb) => cb(null, file.originalname.toLowerCase()) }) };",
        errors: [{ messageId: 'clientFileName' as const, data: { name: 'file.originalname.toLowerCase()' } }],
      },
      {
        code: "import fs from 'node:fs'; import path from 'node:path'; export function save(file) { fs.writeFileSync(path.join(UPLOAD_DIR, file.originalname), file.buffer); }",
        errors: [{ messageId: 'clientFileName' as const, data: { name: 'file.originalname' } }],
      },
      {
        code: "import { rename } from 'fs/promises'; export async function keep(file) { const target = `${UPLOAD_DIR}/${file.originalFilename}`; await rename(file.filepath, target); }",
        errors: [{ messageId: 'clientFileName' as const, data: { name: 'file.originalFilename' } }],
      },
      {
        code: "import busboy from 'busboy'; import fs from 'fs'; import path from 'path'; export function handle(req) { const bb = busboy({ headers: req.headers, limits: { fileSize: 1e7 } }); bb.on('file', (name, file, info) => { const { filename } = info; file.pipe(fs.createWriteStream(path.join(dir, filename))); }); }",
        errors: [{ messageId: 'clientFileName' as const, data: { name: 'filename' } }],
      },
    ]),
    {
      code: "const path = require('path'); const fileUpload = require('express-fileupload'); app.use(fileUpload({ limits: { fileSize: 1e6 } })); app.post('/upload', (req, res) => { const file = req.files.document; file.mv(path.join(__dirname, 'uploads', file.name)); });",
      languageOptions: cjs,
      errors: [{ messageId: 'clientFileName', data: { name: 'file.name' } }],
    },
    {
      code: "app.post('/upload', (req, res) => { req.files.photo.mv('./public/photos/' + req.files.photo.name); });",
      languageOptions: cjsAsModule,
      errors: [{ messageId: 'clientFileName', data: { name: 'req.files.photo.name' } }],
    },
    {
      code: "const Busboy = require('busboy'); const fs = require('fs'); const bb = new Busboy({ headers: req.headers }); bb.on('file', (field, stream, filename) => stream.pipe(fs.createWriteStream('/tmp/uploads/' + filename)));",
      languageOptions: cjs,
      errors: [{ messageId: 'noSizeLimit', data: { call: 'new Busboy()', example: '{ fileSize: 5 * 1024 * 1024 /* 5 MB */ }' } }, { messageId: 'clientFileName', data: { name: 'filename' } }],
    },
    {
      code: "import multer from 'multer'; const upload = multer({ dest: 'uploads/', limits: { fileSize: 1e6 } });",
      options: [{ requireFileTypeCheck: true }],
      languageOptions: esm,
      errors: [{ messageId: 'noTypeCheck', data: { call: 'multer()', filter: 'fileFilter' } }],
    },
  ],
});
