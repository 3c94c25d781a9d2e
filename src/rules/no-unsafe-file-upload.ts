import type { SourceCode } from '../analysis/core/cache.js';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVar, isFunction, memberName, propertyName, shortText, singleValue, unwrap, wrappedParent } from '../analysis/core/ast.js';
import { resolveCompiledModule } from '../analysis/core/modules.js';
import { includesAny, quotedAny, textGate } from '../analysis/core/source-text.js';
import { calleeRef, clientNamedPath, folderPath, formatBytes, isInsideFolder, mayHaveOption, optionsObject, sizeSetting, uploadCall, type FolderPath, type ParserCall } from '../analysis/domains/uploads.js';
import { CLIENT_FILE_NAME_PROPERTIES } from '../catalog/filesystem.js';
import {
  FASTIFY_MULTIPART_FILE_SIZE,
  FASTIFY_MULTIPART_MODULES,
  FILE_SYSTEM_MODULES,
  FILE_TYPE_CHECK_WORDS,
  FILE_WRITE_CALLS,
  MULTER_LOCAL_STORAGE,
  STATIC_SERVERS,
  UPLOAD_MODULES,
  type UploadRow,
} from '../catalog/uploads.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type MessageIds = 'noSizeLimit' | 'unlimitedSize' | 'noTypeCheck' | 'clientFileName' | 'servedFolder';
type Options = [{ requireFileTypeCheck?: boolean }];

const mayLoadUploads = quotedAny(UPLOAD_MODULES);
const checksTypeItself = textGate(includesAny(FILE_TYPE_CHECK_WORDS));
/** A client file-name property, or a `mv` method (express-fileupload's `file.mv(path)`), as a token of the file. */
const namesClientProperty = textGate(includesAny([...CLIENT_FILE_NAME_PROPERTIES]));
const namesMove = textGate((text) => /^mv$/m.test(text));
const mayNameByClient = (sourceCode: SourceCode): boolean => namesClientProperty(sourceCode) || namesMove(sourceCode);

/** Callee names worth resolving for the upload-parser checks when called as members. */
const MEMBER_PARSERS = new Set(['IncomingForm', 'Formidable', 'formidable', 'koaBody', 'register']);

/** Static file servers of `STATIC_SERVERS`, keyed by module. */
const STATIC_BY_MODULE = new Map(STATIC_SERVERS.map((row) => [row.module, row]));

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-file-upload',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow file uploads without size limits or type checks, stored where they are served, or named by the client',
      recommended: 'recommended',
      cwe: 'CWE-434',
      owasp: ['A04:2021'],
    },
    messages: {
      noSizeLimit:
        '{{call}} accepts uploaded files of any size: without `limits.fileSize` the library sets no limit, so one request can fill the disk or memory. Set `limits: {{example}}` to the largest file the feature needs.',
      unlimitedSize: '{{call}} sets `{{option}}` to {{value}}: uploaded files have no size limit, so one request can fill the disk or memory. Set the largest size the feature needs.',
      noTypeCheck:
        '{{call}} accepts files of any type: without `{{filter}}` an attacker can upload HTML, SVG or scripts that are later served or processed. Accept only the extensions and types the feature needs.',
      servedFolder:
        'Uploaded files are stored in `{{folder}}`, which this file serves publicly as static files (line {{line}}): anyone can fetch them by URL, and an uploaded HTML or SVG file runs as a page of this site (stored XSS). Store uploads outside the static folders and serve them through a handler that sets `Content-Disposition: attachment` and a safe content type.',
      clientFileName:
        'The stored file is named with the name the client sent (`{{name}}`): a crafted name (`../../server.js`, `index.html`) can write outside the upload folder (path traversal, CWE-22) or overwrite other files. Generate the name (`randomUUID()` plus a checked extension) and keep the original only as data.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireFileTypeCheck: {
            type: 'boolean',
            description: 'Also report multer configurations without a `fileFilter`, in files that do not check the uploaded file\'s type or extension themselves.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireFileTypeCheck: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const parsers = mayLoadUploads(sourceCode);
    const names = mayNameByClient(sourceCode);
    if (!parsers && !names) return {};
    const requireFileTypeCheck = options.requireFileTypeCheck === true;

    /** `multer()` used only as `upload.none()`: it accepts text fields and rejects every file. */
    function onlyTextFields(node: Node): boolean {
      const parent = wrappedParent(node);
      if (parent?.type === AST_NODE_TYPES.MemberExpression && unwrap(parent.object) === node) return memberName(parent) === 'none';
      if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVar(sourceCode, parent.id);
      const reads = variable?.references.filter((r) => r.isRead()) ?? [];
      return (
        reads.length > 0 &&
        reads.every((r) => {
          const outer = wrappedParent(r.identifier);
          return outer?.type === AST_NODE_TYPES.MemberExpression && memberName(outer) === 'none';
        })
      );
    }

    /** multer keeps files in memory (no `storage`, no `dest`), on disk (`dest`, `diskStorage()`), or somewhere else. */
    function storesLocally(call: ParserCall<UploadRow>): boolean {
      if (!call.options) return true;
      const storage = memberValue(call.options, 'storage');
      if (!storage) return !mayHaveOption(call.options, 'storage', sourceCode) || memberValue(call.options, 'dest') !== null;
      const value = resolveValue(storage);
      if (value.type !== AST_NODE_TYPES.CallExpression) return false;
      const ref = calleeRef(value, sourceCode);
      return !!ref && ref.module === 'multer' && ref.path.length === 1 && MULTER_LOCAL_STORAGE.has(ref.path[0]!);
    }

    function memberValue(object: TSESTree.ObjectExpression, key: string): Node | null {
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.Property && propertyName(property) === key) return property.value;
      }
      return null;
    }

    function resolveValue(node: Node): Node {
      const target = unwrap(node);
      if (target.type !== AST_NODE_TYPES.Identifier) return target;
      const variable = findVar(sourceCode, target);
      const value = variable ? singleValue(variable) : null;
      return value && value.path.length === 0 ? unwrap(value.init) : target;
    }

    function checkUploadParser(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const call = uploadCall(node, sourceCode);
      if (!call) return;
      const { row } = call;
      const setting = sizeSetting(call.options, row.fileSize, sourceCode);
      const display = row.display;
      if (setting.kind === 'unlimited' && setting.node) {
        context.report({ node: setting.node, messageId: 'unlimitedSize', data: { call: display, option: row.fileSize.path.join('.'), value: shortText(sourceCode, setting.node, 30) } });
        return;
      }
      if (setting.kind === 'unlimited') {
        if (row.storage && (!storesLocally(call) || onlyTextFields(node))) return;
        context.report({ node, messageId: 'noSizeLimit', data: { call: display, example: `{ fileSize: ${formatExample()} }` } });
        return;
      }
      if (requireFileTypeCheck && row.typeFilters.length > 0) {
        if (row.storage && onlyTextFields(node)) return;
        if (row.typeFilters.some((key) => mayHaveOption(call.options, key, sourceCode))) return;
        // The file checks `file.mimetype` or the extension itself, after the upload.
        if (checksTypeItself(sourceCode)) return;
        context.report({ node, messageId: 'noTypeCheck', data: { call: display, filter: row.typeFilters[0]! } });
      }
    }

    function formatExample(): string {
      return `5 * 1024 * 1024 /* ${formatBytes(5 * 1024 * 1024)} */`;
    }

    /** `fastify.register(multipart, { limits: { fileSize: Infinity } })`. */
    function checkFastifyMultipart(node: TSESTree.CallExpression): void {
      const plugin = node.arguments[0];
      if (!plugin || plugin.type === AST_NODE_TYPES.SpreadElement) return;
      const ref = resolveCompiledModule(plugin, sourceCode);
      if (!ref || !FASTIFY_MULTIPART_MODULES.includes(ref.module) || ref.path.length > 1) return;
      const opts = optionsObject(node, 1, sourceCode);
      if (!opts || opts === 'unknown') return;
      const setting = sizeSetting(opts, FASTIFY_MULTIPART_FILE_SIZE, sourceCode);
      if (setting.kind === 'unlimited' && setting.node) {
        context.report({ node: setting.node, messageId: 'unlimitedSize', data: { call: 'The multipart plugin', option: 'limits.fileSize', value: shortText(sourceCode, setting.node, 30) } });
      }
    }

    function reportName(name: Node): void {
      context.report({ node: name, messageId: 'clientFileName', data: { name: shortText(sourceCode, name, 40) } });
    }

    /** The parameter a node is bound to: its function and position. */
    function parameterOf(node: TSESTree.Identifier): { fn: Node; index: number } | null {
      const variable = findVar(sourceCode, node);
      const def = variable?.defs[0];
      if (!def || variable!.defs.length !== 1 || def.type !== 'Parameter' || !isFunction(def.node)) return null;
      const index = def.node.params.findIndex((p) => p === def.name);
      return index >= 0 ? { fn: def.node, index } : null;
    }

    /** `cb(null, file.originalname)` in the `filename` function of `multer.diskStorage({ … })`. */
    function checkDiskStorageName(node: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
      const param = parameterOf(callee);
      if (!param || param.index !== 2) return;
      const property = wrappedParent(param.fn);
      if (property?.type !== AST_NODE_TYPES.Property || propertyName(property) !== 'filename') return;
      const object = property.parent;
      const storageCall = object.type === AST_NODE_TYPES.ObjectExpression ? wrappedParent(object) : null;
      if (storageCall?.type !== AST_NODE_TYPES.CallExpression || storageCall.arguments[0] !== object) return;
      const ref = calleeRef(storageCall, sourceCode);
      if (!ref || ref.module !== 'multer' || ref.path.join('.') !== 'diskStorage') return;
      const name = node.arguments[1];
      if (!name || name.type === AST_NODE_TYPES.SpreadElement) return;
      const client = clientNamedPath(name, sourceCode);
      if (client) reportName(client);
    }

    /** busboy's `'file'` listener: `(name, stream, info)` with `info.filename`, or busboy 0.x `(field, stream, filename)`. */
    function isBusboyFileListener(fn: Node): boolean {
      const call = wrappedParent(fn);
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn) return false;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'on') return false;
      const event = unwrap(call.arguments[0]!);
      if (event.type !== AST_NODE_TYPES.Literal || event.value !== 'file') return false;
      const ref = resolveCompiledModule(callee.object, sourceCode);
      return !!ref && ref.module === 'busboy' && (ref.path.join('.') === '()' || ref.path.join('.') === 'new');
    }

    /** A busboy file name: the listener's `filename` parameter (0.x) or `info.filename` (1.x), destructured or read. */
    function busboyNames(node: Node): boolean {
      const target = unwrap(node);
      if (target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'filename') {
        const object = unwrap(target.object);
        if (object.type !== AST_NODE_TYPES.Identifier) return false;
        const param = parameterOf(object);
        return !!param && param.index === 2 && isBusboyFileListener(param.fn);
      }
      if (target.type !== AST_NODE_TYPES.Identifier) return false;
      const param = parameterOf(target);
      if (param) return param.index === 2 && isBusboyFileListener(param.fn);
      const variable = findVar(sourceCode, target);
      const def = variable?.defs[0];
      if (def?.type === 'Parameter' && isFunction(def.node)) {
        // `(name, stream, { filename })`
        const pattern = def.node.params[2];
        return pattern?.type === AST_NODE_TYPES.ObjectPattern && target.name === 'filename' && isBusboyFileListener(def.node);
      }
      const value = variable ? singleValue(variable) : null;
      if (!value || value.path.length !== 1 || value.path[0] !== 'filename') return false;
      const init = unwrap(value.init);
      if (init.type !== AST_NODE_TYPES.Identifier) return false;
      const infoParam = parameterOf(init);
      return !!infoParam && infoParam.index === 2 && isBusboyFileListener(infoParam.fn);
    }

    /** `fs.writeFile(path.join(dir, file.originalname), …)`, `fs.rename(tmp, …)`, `createWriteStream(…)`. */
    function checkFileWrite(node: TSESTree.CallExpression, name: string): void {
      const index = FILE_WRITE_CALLS.get(name);
      if (index === undefined) return;
      const ref = resolveCompiledModule(node.callee, sourceCode);
      if (!ref || !FILE_SYSTEM_MODULES.has(ref.module)) return;
      const path = ref.path.join('.');
      if (path !== name && path !== `promises.${name}`) return;
      const target = node.arguments[index];
      if (!target || target.type === AST_NODE_TYPES.SpreadElement) return;
      const client = clientNamedPath(target, sourceCode, parsers ? busboyNames : undefined);
      if (client) reportName(client);
    }

    /** Does a value come from `req.files` (express-fileupload): `req.files.avatar`, `const { avatar } = req.files`. */
    function fromRequestFiles(node: Node, depth = 0): boolean {
      if (depth > 6) return false;
      const target = unwrap(node);
      if (target.type === AST_NODE_TYPES.MemberExpression) {
        if (memberName(target) === 'files') return true;
        return fromRequestFiles(target.object, depth + 1);
      }
      if (target.type === AST_NODE_TYPES.Identifier) {
        const variable = findVar(sourceCode, target);
        const value = variable ? singleValue(variable) : null;
        if (!value) return false;
        if (value.path[0] === 'files') return true;
        return fromRequestFiles(value.init, depth + 1);
      }
      return false;
    }

    /** `file.mv(path.join(dir, file.name))` on an express-fileupload file. */
    function checkMove(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
      const target = node.arguments[0];
      if (!target || target.type === AST_NODE_TYPES.SpreadElement) return;
      const receiver = unwrap(callee.object);
      if (!fromRequestFiles(receiver)) return;
      const receiverText = sourceCode.getText(receiver);
      const isName = (candidate: Node): boolean => {
        const value = unwrap(candidate);
        if (value.type === AST_NODE_TYPES.MemberExpression && memberName(value) === 'name') return sourceCode.getText(unwrap(value.object)) === receiverText;
        if (value.type !== AST_NODE_TYPES.Identifier) return false;
        const variable = findVar(sourceCode, value);
        const bound = variable ? singleValue(variable) : null;
        return !!bound && bound.path.length === 1 && bound.path[0] === 'name' && sourceCode.getText(unwrap(bound.init)) === receiverText;
      };
      const client = clientNamedPath(target, sourceCode, isName);
      if (client) reportName(client);
    }

    function visitCall(node: TSESTree.CallExpression): void {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        if (names && node.arguments.length === 2) checkDiskStorageName(node, callee);
        if (FILE_WRITE_CALLS.has(callee.name)) checkFileWrite(node, callee.name);
        if (parsers) {
          checkUploadParser(node);
          checkMulterFolders(node);
          recordStatic(node);
        }
        return;
      }
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberName(callee);
        if (name === null) return;
        if (FILE_WRITE_CALLS.has(name)) checkFileWrite(node, name);
        else if (names && name === 'mv') checkMove(node, callee);
        else if (parsers && name === 'register') {
          checkFastifyMultipart(node);
          recordStatic(node);
        } else if (parsers && name === 'static') recordStatic(node);
        else if (parsers && name === 'diskStorage') checkMulterFolders(node);
        else if (parsers && MEMBER_PARSERS.has(name)) checkUploadParser(node);
        return;
      }
      if (parsers && callee.type === AST_NODE_TYPES.CallExpression) {
        checkUploadParser(node);
        checkMulterFolders(node);
      }
    }

    const servedFolders: { folder: FolderPath; node: Node }[] = [];
    const uploadFolders: { folder: FolderPath; node: Node }[] = [];

    /** `express.static(dir)`, `serveStatic(dir)`, `koaStatic(dir)`, `register(fastifyStatic, { root })`. */
    function recordStatic(node: TSESTree.CallExpression): void {
      let folderNode: Node | undefined;
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'register') {
        const plugin = node.arguments[0];
        if (!plugin || plugin.type === AST_NODE_TYPES.SpreadElement) return;
        const ref = resolveCompiledModule(plugin, sourceCode);
        const row = ref && ref.path.length === 0 ? STATIC_BY_MODULE.get(ref.module) : undefined;
        if (!row || typeof row.folder !== 'string') return;
        const opts = optionsObject(node, 1, sourceCode);
        if (!opts || opts === 'unknown') return;
        folderNode = memberValue(opts, row.folder) ?? undefined;
      } else {
        const ref = calleeRef(node, sourceCode);
        const row = ref ? STATIC_BY_MODULE.get(ref.module) : undefined;
        if (!row || !ref || typeof row.folder !== 'number' || ref.path.join('.') !== row.callee.join('.')) return;
        const arg = node.arguments[row.folder];
        folderNode = arg && arg.type !== AST_NODE_TYPES.SpreadElement ? arg : undefined;
      }
      if (!folderNode) return;
      const folder = folderPath(folderNode, sourceCode);
      if (folder) servedFolders.push({ folder, node });
    }

    /** The folder a destination function hands to its callback: `(req, file, cb) => cb(null, 'public/uploads')`. */
    function destinationOf(value: Node): Node | null {
      const fn = unwrap(value);
      if (!isFunction(fn)) return value;
      const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [fn.body];
      const cbName = fn.params[2]?.type === AST_NODE_TYPES.Identifier ? fn.params[2].name : null;
      for (const statement of body) {
        const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? unwrap(statement.expression) : unwrap(statement);
        if (expression.type !== AST_NODE_TYPES.CallExpression || cbName === null) continue;
        const callee = unwrap(expression.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === cbName && expression.arguments.length === 2) {
          const folder = expression.arguments[1]!;
          return folder.type === AST_NODE_TYPES.SpreadElement ? null : folder;
        }
      }
      return null;
    }

    /** `multer({ dest })` and `multer.diskStorage({ destination })`: where files are written. */
    function recordUploadFolder(node: TSESTree.CallExpression, key: 'dest' | 'destination'): void {
      const opts = optionsObject(node, 0, sourceCode);
      if (!opts || opts === 'unknown') return;
      const value = memberValue(opts, key);
      const folderNode = value ? destinationOf(value) : null;
      const folder = folderNode ? folderPath(folderNode, sourceCode) : null;
      if (folder && folderNode) uploadFolders.push({ folder, node: folderNode });
    }

    function checkMulterFolders(node: TSESTree.CallExpression): void {
      const ref = calleeRef(node, sourceCode);
      if (!ref || ref.module !== 'multer') return;
      if (ref.path.length === 0) recordUploadFolder(node, 'dest');
      else if (ref.path.length === 1 && ref.path[0] === 'diskStorage') recordUploadFolder(node, 'destination');
    }

    function reportServedFolders(): void {
      for (const upload of uploadFolders) {
        const served = servedFolders.find((s) => isInsideFolder(upload.folder, s.folder));
        if (!served) continue;
        context.report({ node: upload.node, messageId: 'servedFolder', data: { folder: shortText(sourceCode, upload.node, 50), line: String(served.node.loc.start.line) } });
      }
    }

    function visitNew(node: TSESTree.NewExpression): void {
      if (parsers) checkUploadParser(node);
    }

    return { CallExpression: visitCall, NewExpression: visitNew, 'Program:exit': reportServedFolders };
  },
});
