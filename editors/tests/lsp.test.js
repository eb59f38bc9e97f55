// `policyc lsp` driven by the JSON-RPC client VS Code itself uses (vscode-jsonrpc and
// vscode-languageserver-protocol from npm): one test per method and per error path.
//
//   POLICYC=path/to/policyc node --test editors/tests/lsp.test.js
'use strict';
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('node:test');
const rpc = require('vscode-jsonrpc/node');
const lsp = require('vscode-languageserver-protocol');

const POLICYC = process.env.POLICYC;
if (!POLICYC) throw new Error('set POLICYC to the policyc binary');

const ENTRY = `import "defaults.policy"

manifest bottle {
  on: bool = false
}

set allowlist: hostname

rule r {
  allowlist += DEFAULTS
}

output pipelock {
  mode = "strict"
  api_allowlist = allowlist
}
`;
const DEFAULTS = 'const DEFAULTS: list<hostname> = ["a.example.com"]\n';

// A project folder, a server on it, and a connection that collects what it publishes.
async function start(t, capabilities = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policyc-lsp-'));
  fs.writeFileSync(path.join(dir, 'pipelock.policy'), ENTRY);
  fs.writeFileSync(path.join(dir, 'defaults.policy'), DEFAULTS);
  const server = spawn(POLICYC, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  const published = [];
  const waiters = [];
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const w of waiters.splice(0)) w();
  });
  connection.listen();
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  // Every session ends as an editor ends it: shutdown, exit, the process gone.
  t.after(async () => {
    if (server.exitCode === null) {
      await connection.sendRequest(lsp.ShutdownRequest.type).catch(() => {});
      await connection.sendNotification(lsp.ExitNotification.type).catch(() => {});
      await exited;
    }
    connection.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const init = await connection.sendRequest(lsp.InitializeRequest.type,
    { processId: process.pid, rootUri: null, capabilities });
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  const uri = (name) => `file://${path.join(dir, name)}`;
  // The latest diagnostics published for `name` once `predicate` holds for them.
  const diagnostics = async (name, predicate = () => true) => {
    for (;;) {
      const last = [...published].reverse().find((p) => p.uri === uri(name));
      if (last && predicate(last.diagnostics)) return last.diagnostics;
      await new Promise((resolve) => waiters.push(resolve));
    }
  };
  const open = (name, text) => connection.sendNotification(lsp.DidOpenTextDocumentNotification.type,
    { textDocument: { uri: uri(name), languageId: 'policy', version: 1, text } });
  const change = (name, text, version) => connection.sendNotification(
    lsp.DidChangeTextDocumentNotification.type,
    { textDocument: { uri: uri(name), version }, contentChanges: [{ text }] });
  return { connection, init, uri, diagnostics, open, change, exited };
}

test('initialize: capabilities, UTF-16 by default', async (t) => {
  const { init } = await start(t);
  assert.deepEqual(init.capabilities, {
    positionEncoding: 'utf-16',
    textDocumentSync: { openClose: true, change: 1 },
    documentFormattingProvider: true,
  });
  assert.equal(init.serverInfo.name, 'policyc');
});

test('initialize: a client offering utf-8 gets it', async (t) => {
  const { init } = await start(t, { general: { positionEncodings: ['utf-8', 'utf-16'] } });
  assert.equal(init.capabilities.positionEncoding, 'utf-8');
});

test('didOpen: a clean policy publishes no diagnostic', async (t) => {
  const s = await start(t);
  s.open('pipelock.policy', ENTRY);
  assert.deepEqual(await s.diagnostics('pipelock.policy'), []);
});

test('didOpen: a typo is an error at its range with the did-you-mean', async (t) => {
  const s = await start(t);
  s.open('pipelock.policy', ENTRY.replace('allowlist += DEFAULTS', 'allowlist += DEFAULT'));
  const [d] = await s.diagnostics('pipelock.policy', (ds) => ds.length > 0);
  assert.equal(d.code, 'E0202');
  assert.equal(d.severity, lsp.DiagnosticSeverity.Error);
  assert.equal(d.source, 'policyc');
  assert.equal(d.message, "unknown name 'DEFAULT'; did you mean 'DEFAULTS'?");
  assert.deepEqual(d.range, { start: { line: 9, character: 15 }, end: { line: 9, character: 22 } });
});

test('positions: UTF-16 code units after non-ASCII text', async (t) => {
  const s = await start(t);
  // 'é' is one UTF-16 unit and two bytes; '😀' two units and four bytes.
  s.open('pipelock.policy', 'const X: list<string> = ["é😀", 5]\n' + ENTRY);
  const ds = await s.diagnostics('pipelock.policy', (all) => all.some((d) => d.code === 'E0210'));
  const d = ds.find((x) => x.code === 'E0210');
  assert.deepEqual(d.range.start, { line: 0, character: 32 });
});

test('didChange in another file: an unsaved edit of an import updates the importer', async (t) => {
  const s = await start(t);
  s.open('pipelock.policy', ENTRY);
  assert.deepEqual(await s.diagnostics('pipelock.policy'), []);
  s.open('defaults.policy', DEFAULTS);
  s.change('defaults.policy', DEFAULTS.replace('DEFAULTS', 'HOSTS'), 2);
  const [d] = await s.diagnostics('pipelock.policy', (ds) => ds.length > 0);
  assert.equal(d.code, 'E0202');
  assert.match(d.message, /^unknown name 'DEFAULTS'/);
  s.change('defaults.policy', DEFAULTS, 3);
  assert.deepEqual(await s.diagnostics('pipelock.policy', (ds) => ds.length === 0), []);
});

test('didClose: the closed document is cleared', async (t) => {
  const s = await start(t);
  s.open('pipelock.policy', 'const = 1\n');
  await s.diagnostics('pipelock.policy', (ds) => ds.length > 0);
  s.connection.sendNotification(lsp.DidCloseTextDocumentNotification.type,
    { textDocument: { uri: s.uri('pipelock.policy') } });
  assert.deepEqual(await s.diagnostics('pipelock.policy', (ds) => ds.length === 0), []);
});

test('formatting: fmt layout as one edit; a syntax error is refused with a message', async (t) => {
  const s = await start(t);
  s.open('defaults.policy', 'const   DEFAULTS : list<hostname> = [ "a.example.com" ]\n');
  const edits = await s.connection.sendRequest(lsp.DocumentFormattingRequest.type,
    { textDocument: { uri: s.uri('defaults.policy') }, options: { tabSize: 2, insertSpaces: true } });
  assert.deepEqual(edits, [{
    range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    newText: DEFAULTS,
  }]);
  s.change('defaults.policy', 'const DEFAULTS = [\n', 2);
  await assert.rejects(
    s.connection.sendRequest(lsp.DocumentFormattingRequest.type,
      { textDocument: { uri: s.uri('defaults.policy') }, options: { tabSize: 2, insertSpaces: true } }),
    (e) => e.code === -32803 && /^cannot format: line 1: /.test(e.message));
});

test('an unknown method is -32601', async (t) => {
  const s = await start(t);
  await assert.rejects(s.connection.sendRequest('policyc/noSuchMethod', {}),
    (e) => e.code === rpc.ErrorCodes.MethodNotFound);
});

test('shutdown then exit: the server exits 0', async (t) => {
  const s = await start(t);
  assert.equal(await s.connection.sendRequest(lsp.ShutdownRequest.type), null);
  await assert.rejects(s.connection.sendRequest('textDocument/formatting', {}),
    (e) => e.code === rpc.ErrorCodes.InvalidRequest);
  s.connection.sendNotification(lsp.ExitNotification.type);
  assert.equal(await s.exited, 0);
});

test('malformed messages: -32700 for bad JSON, and the server keeps serving', async () => {
  const server = spawn(POLICYC, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const bodies = [];
  let buffer = '';
  server.stdout.on('data', (chunk) => { buffer += chunk; });
  const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  server.stdin.write(frame('{"jsonrpc":') + frame('[1,2]') +
    frame('{"jsonrpc":"2.0","id":1,"method":"shutdown"}'));
  server.stdin.end();
  const code = await new Promise((resolve) => server.on('exit', resolve));
  for (const part of buffer.split(/Content-Length: \d+\r\n\r\n/).slice(1)) bodies.push(JSON.parse(part));
  assert.equal(bodies[0].error.code, -32700);
  assert.equal(bodies[1].error.code, -32600);
  assert.equal(bodies[2].error.code, -32002);  // not initialized
  assert.equal(code, 1);  // input ended without exit
});
