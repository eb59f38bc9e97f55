// `policyc lsp` driven by vscode-jsonrpc, the JSON-RPC library VS Code's client uses:
// one test per method and per error path. POLICYC names the binary.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const rpc = require('vscode-jsonrpc/node');
const { fileURLToPath, pathToFileURL } = require('node:url');

const policyc = process.env.POLICYC;
if (!policyc) throw new Error('set POLICYC to the policyc binary');

function scratch(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policyc-lsp-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
const uriOf = (file) => pathToFileURL(file).href;

// A server and a client connection to it; `diagnostics` collects each publication.
function start() {
  const child = spawn(policyc, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = [];
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.push(params);
    for (const w of waiters.splice(0)) w();
  });
  connection.listen();
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  // The next publication for `uri` that `accept` takes.
  async function diagnosticsOf(uri, accept = () => true) {
    for (;;) {
      const found = published.find((p) => p.uri === uri && accept(p.diagnostics));
      if (found) { published.splice(published.indexOf(found), 1); return found.diagnostics; }
      await new Promise((resolve) => waiters.push(resolve));
    }
  }
  return { child, connection, diagnosticsOf, exited };
}

async function initialized(capabilities = {}) {
  const server = start();
  const result = await server.connection.sendRequest('initialize',
    { processId: null, rootUri: null, capabilities });
  server.connection.sendNotification('initialized', {});
  return { ...server, result };
}

async function stop(server) {
  await server.connection.sendRequest('shutdown');
  server.connection.sendNotification('exit');
  const code = await server.exited;
  server.connection.dispose();
  return code;
}

function open(server, file, text, languageId = 'policy') {
  server.connection.sendNotification('textDocument/didOpen',
    { textDocument: { uri: uriOf(file), languageId, version: 1, text } });
}

// Raw bytes in, every framed message out: for what a library would not send.
function raw(bytes) {
  return new Promise((resolve) => {
    const child = spawn(policyc, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = Buffer.alloc(0);
    child.stdout.on('data', (d) => { out = Buffer.concat([out, d]); });
    child.on('exit', (code) => {
      const messages = [];
      let text = out.toString('utf8');
      for (;;) {
        const m = /^Content-Length: (\d+)\r\n\r\n/.exec(text);
        if (!m) break;
        const body = Buffer.from(text.slice(m[0].length), 'utf8').subarray(0, Number(m[1]));
        messages.push(JSON.parse(body.toString('utf8')));
        text = text.slice(m[0].length + body.toString('utf8').length);
      }
      resolve({ code, messages });
    });
    child.stdin.end(bytes);
  });
}
const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const initializeFrame = frame(JSON.stringify(
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } }));

const entryText = [
  'import "defaults.policy"', '', 'manifest bottle {', '  on: bool = false', '}', '',
  'set allowlist: hostname', '', 'rule r {', '  allowlist += A', '}', '',
  'output pipelock {', '  mode = "strict"', '  api_allowlist = allowlist', '}', ''].join('\n');
const defaultsText = '# The hosts every bottle reaches.\nconst A: list<hostname> = ["a.example.com"]\n';

test('initialize: capabilities, UTF-16 by default', async () => {
  const server = await initialized();
  const caps = server.result.capabilities;
  assert.strictEqual(caps.positionEncoding, 'utf-16');
  for (const provider of ['definitionProvider', 'referencesProvider', 'hoverProvider',
    'renameProvider', 'documentSymbolProvider', 'documentFormattingProvider']) {
    assert.strictEqual(caps[provider], true, provider);
  }
  assert.deepStrictEqual(server.result.serverInfo, { name: 'policyc' });
  assert.strictEqual(await stop(server), 0);
});

test('initialize: a client offering utf-8 gets it', async () => {
  const server = await initialized({ general: { positionEncodings: ['utf-8', 'utf-16'] } });
  assert.strictEqual(server.result.capabilities.positionEncoding, 'utf-8');
  await stop(server);
});

test('a request before initialize is -32002', async () => {
  const server = start();
  await assert.rejects(server.connection.sendRequest('textDocument/hover', {}),
    (e) => e.code === -32002);
  server.connection.sendNotification('exit');
  assert.strictEqual(await server.exited, 1);  // exit without shutdown
});

test('an unknown method is -32601', async () => {
  const server = await initialized();
  await assert.rejects(server.connection.sendRequest('no/such', {}), (e) => e.code === -32601);
  await stop(server);
});

test('$/cancelRequest is accepted and answers nothing', async () => {
  const server = await initialized();
  server.connection.sendNotification('$/cancelRequest', { id: 99 });
  await assert.rejects(server.connection.sendRequest('no/such'), (e) => e.code === -32601);
  await stop(server);
});

test('a body that is not JSON is -32700', async () => {
  const { messages } = await raw(initializeFrame + frame('{"jsonrpc":'));
  assert.deepStrictEqual(messages[1].error.code, -32700);
  assert.strictEqual(messages[1].id, null);
});

test('a message without a method is -32600', async () => {
  const { messages } = await raw(initializeFrame + frame('{"jsonrpc":"2.0","id":7}'));
  assert.strictEqual(messages[1].error.code, -32600);
});

test('a header without Content-Length is -32700 and the server goes on', async () => {
  const { messages } = await raw('X-Nothing: 1\r\n\r\n' + initializeFrame);
  assert.strictEqual(messages[0].error.code, -32700);
  assert.ok(messages.some((m) => m.id === 1 && m.result));
});

test('an oversized Content-Length is refused without reading it', async () => {
  const { messages } = await raw('Content-Length: 99999999999\r\n\r\n{}');
  assert.strictEqual(messages[0].error.code, -32700);
});

test('invalid params are -32602', async () => {
  const server = await initialized();
  await assert.rejects(server.connection.sendRequest('textDocument/definition', {}),
    (e) => e.code === -32602);
  await stop(server);
});

test('diagnostics: a typo is an error with its code, docs link and fix', async () => {
  const dir = scratch({});
  const file = path.join(dir, 'p.policy');
  const server = await initialized();
  open(server, file, 'const Hosts: list<hostname> = ["a.example.com"]\nconst B = Hots\n');
  const diags = await server.diagnosticsOf(uriOf(file), (d) => d.length > 0);
  const typo = diags.find((d) => d.code === 'E0202');
  assert.ok(typo, JSON.stringify(diags));
  assert.strictEqual(typo.message, "unknown name 'Hots'; did you mean 'Hosts'?");
  assert.deepStrictEqual(typo.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } });
  // The binary is built in the checkout (build/policyc): its docs/errors.md, which has
  // the heading the anchor names.
  const [page, anchor] = typo.codeDescription.href.split('#');
  assert.strictEqual(anchor, 'e0202-unknown-name');
  const docs = fs.readFileSync(fileURLToPath(page), 'utf8');
  assert.match(docs, /^## E0202: unknown name$/m);
  await stop(server);
});

test('diagnostics: positions after non-ASCII text count UTF-16 units', async () => {
  const dir = scratch({});
  const file = path.join(dir, 'p.policy');
  const server = await initialized();
  // 'é' is one UTF-16 unit (two bytes), '😀' two units (four bytes).
  open(server, file, '# café\nconst X: list<string> = ["é😀", 5]\n');
  const diags = await server.diagnosticsOf(uriOf(file), (d) => d.length > 0);
  const element = diags.find((d) => d.code === 'E0210');
  assert.deepStrictEqual(element.range.start, { line: 1, character: 32 });
  await stop(server);
});

test('diagnostics follow an unsaved edit of another open file', async () => {
  const dir = scratch({ 'pipelock.policy': entryText, 'defaults.policy': defaultsText });
  const entry = path.join(dir, 'pipelock.policy');
  const defaults = path.join(dir, 'defaults.policy');
  const server = await initialized();
  open(server, entry, entryText);
  open(server, defaults, defaultsText);
  assert.deepStrictEqual(await server.diagnosticsOf(uriOf(entry)), []);
  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: uriOf(defaults), version: 2 },
    contentChanges: [{ text: defaultsText.replace('const A', 'const B') }],
  });
  const after = await server.diagnosticsOf(uriOf(entry), (d) => d.length > 0);
  assert.strictEqual(after[0].message, "unknown name 'A'; did you mean 'B'?");
  assert.deepStrictEqual(after[0].range.start, { line: 9, character: 15 });
  server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(defaults) } });
  assert.deepStrictEqual(await server.diagnosticsOf(uriOf(entry)), []);  // the disk again
  await stop(server);
});

test('definition: a name used in one file, declared in an imported one', async () => {
  const dir = scratch({ 'pipelock.policy': entryText, 'defaults.policy': defaultsText });
  const entry = path.join(dir, 'pipelock.policy');
  const server = await initialized();
  open(server, entry, entryText);
  const found = await server.connection.sendRequest('textDocument/definition',
    { textDocument: { uri: uriOf(entry) }, position: { line: 9, character: 15 } });
  assert.deepStrictEqual(found, [{ uri: uriOf(path.join(dir, 'defaults.policy')),
    range: { start: { line: 1, character: 6 }, end: { line: 1, character: 7 } } }]);
  const imported = await server.connection.sendRequest('textDocument/definition',
    { textDocument: { uri: uriOf(entry) }, position: { line: 0, character: 10 } });
  assert.strictEqual(imported.uri, uriOf(path.join(dir, 'defaults.policy')));
  await stop(server);
});

test('references: the declaration and every use across files', async () => {
  const dir = scratch({ 'pipelock.policy': entryText, 'defaults.policy': defaultsText });
  const entry = path.join(dir, 'pipelock.policy');
  const server = await initialized();
  open(server, entry, entryText);
  const refs = await server.connection.sendRequest('textDocument/references', {
    textDocument: { uri: uriOf(entry) }, position: { line: 6, character: 5 },
    context: { includeDeclaration: true } });
  assert.deepStrictEqual(refs.map((r) => r.range.start.line), [6, 9, 14]);
  await stop(server);
});

test('hover: the declaration and the comment above it', async () => {
  const dir = scratch({ 'pipelock.policy': entryText, 'defaults.policy': defaultsText });
  const entry = path.join(dir, 'pipelock.policy');
  const server = await initialized();
  open(server, entry, entryText);
  const hover = await server.connection.sendRequest('textDocument/hover',
    { textDocument: { uri: uriOf(entry) }, position: { line: 9, character: 15 } });
  assert.strictEqual(hover.contents.value,
    '```policy\nconst A: list<hostname> = ["a.example.com"]\n```\n\nThe hosts every bottle reaches.\n');
  await stop(server);
});

test('rename: the declaration and its uses in every file', async () => {
  const dir = scratch({ 'pipelock.policy': entryText, 'defaults.policy': defaultsText });
  const entry = path.join(dir, 'pipelock.policy');
  const server = await initialized();
  open(server, entry, entryText);
  const edit = await server.connection.sendRequest('textDocument/rename',
    { textDocument: { uri: uriOf(entry) }, position: { line: 9, character: 15 }, newName: 'Base' });
  assert.deepStrictEqual(Object.keys(edit.changes).sort(),
    [uriOf(path.join(dir, 'defaults.policy')), uriOf(entry)].sort());
  assert.strictEqual(edit.changes[uriOf(entry)][0].newText, 'Base');
  await stop(server);
});

test('documentSymbol: the declarations of the file', async () => {
  const dir = scratch({ 'pipelock.policy': entryText, 'defaults.policy': defaultsText });
  const entry = path.join(dir, 'pipelock.policy');
  const server = await initialized();
  open(server, entry, entryText);
  const symbols = await server.connection.sendRequest('textDocument/documentSymbol',
    { textDocument: { uri: uriOf(entry) } });
  assert.deepStrictEqual(symbols.map((s) => s.name), ['bottle', 'allowlist', 'r', 'pipelock']);
  await stop(server);
});

test('completion: names from imports, built-ins, types and keywords', async () => {
  const dir = scratch({ 'pipelock.policy': entryText, 'defaults.policy': defaultsText });
  const entry = path.join(dir, 'pipelock.policy');
  const server = await initialized();
  open(server, entry, entryText);
  const list = await server.connection.sendRequest('textDocument/completion',
    { textDocument: { uri: uriOf(entry) }, position: { line: 9, character: 15 } });
  const labels = list.items.map((i) => i.label);
  for (const label of ['A', 'allowlist', 'sorted', 'hostname', 'rule']) assert.ok(labels.includes(label), label);
  await stop(server);
});

// A server with pipelock.policy open as entryText edited by `from` -> `to`.
async function openEdited(from, to) {
  const dir = scratch({ 'defaults.policy': defaultsText });
  const entry = path.join(dir, 'pipelock.policy');
  const server = await initialized();
  open(server, entry, entryText.replace(from, to));
  return { server, textDocument: { uri: uriOf(entry) } };
}

test('completion: after "bottle." the manifest fields, with kind and type', async () => {
  const { server, textDocument } = await openEdited('  allowlist += A', '  allowlist += bottle.');
  const list = await server.connection.sendRequest('textDocument/completion',
    { textDocument, position: { line: 9, character: 22 } });
  assert.deepStrictEqual(list.items, [{ label: 'on', kind: 5, detail: 'bool' }]);
  await stop(server);
});

test('hover: a built-in\'s signature and what it does', async () => {
  const { server, textDocument } =
    await openEdited('api_allowlist = allowlist', 'api_allowlist = sorted(allowlist)');
  const hover = await server.connection.sendRequest('textDocument/hover',
    { textDocument, position: { line: 14, character: 19 } });
  assert.strictEqual(hover.contents.value,
    '```policy\nsorted(list<T>) -> list<T>\n```\n\nThe list in byte order, T a string type or int.\n');
  await stop(server);
});

test('formatting: fmt as one edit, refused on a syntax error', async () => {
  const dir = scratch({});
  const file = path.join(dir, 'p.policy');
  const server = await initialized();
  open(server, file, 'const   A : list<hostname> = [ "a.example.com" ]\n');
  const edits = await server.connection.sendRequest('textDocument/formatting',
    { textDocument: { uri: uriOf(file) }, options: { tabSize: 2, insertSpaces: true } });
  assert.strictEqual(edits[0].newText, 'const A: list<hostname> = ["a.example.com"]\n');
  server.connection.sendNotification('textDocument/didChange',
    { textDocument: { uri: uriOf(file), version: 2 }, contentChanges: [{ text: 'const A = \n' }] });
  await assert.rejects(server.connection.sendRequest('textDocument/formatting',
    { textDocument: { uri: uriOf(file) }, options: { tabSize: 2, insertSpaces: true } }),
  (e) => e.code === -32803 && e.message.startsWith('cannot format: line 1: '));
  await stop(server);
});

test('shutdown then exit ends with 0', async () => {
  const server = await initialized();
  assert.strictEqual(await stop(server), 0);
});

test('codeAction: apply a did-you-mean, and allow a lint on its line', async () => {
  const dir = scratch({});
  const file = path.join(dir, 'p.policy');
  const server = await initialized();
  open(server, file, 'const Hosts: list<hostname> = ["a.example.com"]\nconst B = Hots\n');
  const diags = await server.diagnosticsOf(uriOf(file), (d) => d.length > 0);
  const actions = await server.connection.sendRequest('textDocument/codeAction',
    { textDocument: { uri: uriOf(file) }, range: diags[0].range, context: { diagnostics: diags } });
  const fix = actions.find((a) => a.title === "Change to 'Hosts'");
  assert.deepStrictEqual(fix.edit.changes[uriOf(file)],
    [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } }, newText: 'Hosts' }]);
  // A lint as the server would send it (no lint runs beside an error), at line 1.
  const unused = { range: diags[0].range, code: 'W0601', message: 'unused', severity: 2 };
  const lintActions = await server.connection.sendRequest('textDocument/codeAction',
    { textDocument: { uri: uriOf(file) }, range: unused.range, context: { diagnostics: [unused] } });
  const allow = lintActions.find((a) => a.title === `Allow ${unused.code} on this line`);
  assert.strictEqual(allow.edit.changes[uriOf(file)][0].newText, `# policyc: allow ${unused.code} reason\n`);
  await stop(server);
});

// A project (policyc.yaml) whose policy declares the bottle's schema: bottles in it are
// read against this policy, as `policyc compile` reads them.
const bottlePolicyText = [
  'manifest bottle {', '  # Hosts the bottle may reach.', '  hosts: list<hostname> = []',
  '  leak: enum("block", "warn") = "block"', '}', '', 'set allowlist: hostname', '',
  'rule bottle_hosts {', '  allowlist += bottle.hosts', '}', '',
  'output pipelock {', '  mode = "strict"', '  api_allowlist = allowlist', '}', ''].join('\n');
function bottleProject() {
  const dir = scratch({ 'policyc.yaml': 'policy: bottle.policy\n', 'bottle.policy': bottlePolicyText });
  return { dir, bottle: path.join(dir, 'b.yaml') };
}

test('bottles: an unknown key is compile\'s error, with its did-you-mean fix', async () => {
  const { bottle } = bottleProject();
  const server = await initialized();
  open(server, bottle, 'hots:\n  - a.example.com\n', 'yaml');
  const diags = await server.diagnosticsOf(uriOf(bottle));
  assert.deepStrictEqual(diags.map((d) => [d.code, d.message, d.range.start, d.range.end]), [
    ['E0311', "unknown key 'hots' in the manifest; did you mean 'hosts'?",
      { line: 0, character: 0 }, { line: 0, character: 4 }]]);
  const actions = await server.connection.sendRequest('textDocument/codeAction',
    { textDocument: { uri: uriOf(bottle) }, range: diags[0].range, context: { diagnostics: diags } });
  assert.deepStrictEqual(actions.map((a) => [a.title, a.edit.changes[uriOf(bottle)][0].newText]),
    [["Change to 'hosts'", 'hosts']]);
  await stop(server);
});

test('bottles: hover on a key shows its field, on a host whether it is allowed', async () => {
  const { bottle } = bottleProject();
  const server = await initialized();
  open(server, bottle, 'hosts:\n  - a.example.com\n', 'yaml');
  assert.deepStrictEqual(await server.diagnosticsOf(uriOf(bottle)), []);
  const key = await server.connection.sendRequest('textDocument/hover',
    { textDocument: { uri: uriOf(bottle) }, position: { line: 0, character: 1 } });
  assert.strictEqual(key.contents.value, '```policy\nhosts: list<hostname> = []\n```\n\n' +
    'Hosts the bottle may reach.\n\nbottle.policy:3\n');
  const host = await server.connection.sendRequest('textDocument/hover',
    { textDocument: { uri: uriOf(bottle) }, position: { line: 1, character: 6 } });
  assert.strictEqual(host.contents.value.split('\n').slice(0, 4).join('\n'),
    '```\na.example.com is allowed (mode strict)\n  api_allowlist entry "a.example.com"\n' +
    `    rule bottle_hosts (bottle.policy:10) from hosts[0] (${bottle}:2)`);
  await stop(server);
});

test('bottles: completion of the keys left and of an enum\'s values', async () => {
  const { dir, bottle } = bottleProject();
  const other = path.join(dir, 'c.yaml');
  const server = await initialized();
  open(server, bottle, 'hosts: []\nl\n', 'yaml');
  open(server, other, 'leak: \n', 'yaml');
  const keys = await server.connection.sendRequest('textDocument/completion',
    { textDocument: { uri: uriOf(bottle) }, position: { line: 1, character: 1 } });
  assert.deepStrictEqual(keys.items.map((i) => [i.label, i.detail]), [['leak', 'one of "block", "warn"']]);
  const values = await server.connection.sendRequest('textDocument/completion',
    { textDocument: { uri: uriOf(other) }, position: { line: 0, character: 6 } });
  assert.deepStrictEqual(values.items.map((i) => i.label), ['block', 'warn']);
  await stop(server);
});

test('bottles: definition on a key is its field in the project\'s policy', async () => {
  const { dir, bottle } = bottleProject();
  const server = await initialized();
  open(server, bottle, 'leak: warn\nhosts: [a.example.com]\n', 'yaml');
  const found = await server.connection.sendRequest('textDocument/definition',
    { textDocument: { uri: uriOf(bottle) }, position: { line: 1, character: 2 } });
  assert.deepStrictEqual(found, [{ uri: uriOf(path.join(dir, 'bottle.policy')),
    range: { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } } }]);
  await stop(server);
});

test('bottles: an unsaved policyc.yaml chooses the policy they are read against', async () => {
  const { dir, bottle } = bottleProject();
  fs.writeFileSync(path.join(dir, 'other.policy'),
    bottlePolicyText.replace('  leak:', '  extra: bool = false\n  leak:'));
  const server = await initialized();
  open(server, bottle, 'extra: true\nhosts: [a.example.com]\n', 'yaml');
  const before = await server.diagnosticsOf(uriOf(bottle));
  assert.deepStrictEqual(before.map((d) => d.message), ["unknown key 'extra' in the manifest"]);
  open(server, path.join(dir, 'policyc.yaml'), 'policy: other.policy\n', 'yaml');
  assert.deepStrictEqual(await server.diagnosticsOf(uriOf(bottle)), []);
  await stop(server);
});
