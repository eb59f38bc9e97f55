// editors/vscode/extension.js outside VS Code: its `vscode` and `vscode-languageclient`
// modules are stand-ins that record what the extension asks for, and the server it
// would start is started here, with the options it would pass. VS Code itself is not
// on Debian or npm, so this is as close as CI gets. POLICYC names the binary.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const rpc = require('vscode-jsonrpc/node');
const { pathToFileURL } = require('node:url');

const policyc = process.env.POLICYC;
if (!policyc) throw new Error('set POLICYC to the policyc binary');
const extensionDir = path.join(__dirname, '..', 'vscode');
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));

// Loads extension.js afresh with `settings` as the user's `policyc.*` settings; returns
// it and the LanguageClient constructions it makes.
function loadExtension(settings) {
  const clients = [];
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      clients.push({ id, name, serverOptions, clientOptions });
      this.started = false;
    }
    start() { this.started = true; return Promise.resolve(); }
    stop() { return Promise.resolve(); }
  }
  const vscode = {
    workspace: {
      getConfiguration(section) {
        assert.strictEqual(section, 'policyc');
        return { get: (key, fallback) => (key in settings ? settings[key] : fallback) };
      },
    },
  };
  const stand_ins = { vscode, 'vscode-languageclient/node': { LanguageClient } };
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request in stand_ins ? stand_ins[request] : load.call(this, request, ...rest);
  };
  const file = path.join(extensionDir, 'extension.js');
  try {
    delete require.cache[require.resolve(file)];
    return { extension: require(file), clients };
  } finally {
    Module._load = load;
  }
}

// The defaults VS Code gives a setting the user has not set: the extension's manifest's.
function defaults() {
  const out = {};
  for (const [key, spec] of Object.entries(manifest.contributes.configuration.properties)) {
    out[key.replace(/^policyc\./, '')] = spec.default;
  }
  return out;
}

test('the manifest declares every setting extension.js reads, and its entry point', () => {
  const source = fs.readFileSync(path.join(extensionDir, 'extension.js'), 'utf8');
  const read = [...source.matchAll(/settings\.get\('([^']+)'/g)].map((m) => m[1]).sort();
  assert.deepStrictEqual(read, Object.keys(defaults()).sort());
  assert.strictEqual(manifest.main, './extension.js');
  assert.ok(manifest.activationEvents.includes('onLanguage:policy'));
  assert.deepStrictEqual(manifest.contributes.languages.map((l) => [l.id, l.extensions]),
    [['policy', ['.policy']]]);
});

test('activate starts `policyc lsp` for policies and the bottles the setting matches', async () => {
  const { extension, clients } = loadExtension(defaults());
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.strictEqual(clients.length, 1);
  const { serverOptions, clientOptions } = clients[0];
  assert.deepStrictEqual(serverOptions, { command: 'policyc', args: ['lsp'] });
  assert.deepStrictEqual(clientOptions.documentSelector, [
    { scheme: 'file', language: 'policy' },
    { scheme: 'file', pattern: '**/bottles/**/*.yaml' },
    { scheme: 'file', pattern: '**/*.bottle.yaml' },
    { scheme: 'file', pattern: '**/bottle.yaml' }]);
  assert.deepStrictEqual(clientOptions.initializationOptions, {});
  assert.strictEqual(context.subscriptions.length, 1);
  await extension.deactivate();
});

test('the server the settings name serves with the docs address they give', async () => {
  const errorDocsUrl = 'https://docs.example.org/policyc/errors.html';
  const { extension, clients } = loadExtension(
    { ...defaults(), path: policyc, bottles: ['**/fleet/*.md'], errorDocsUrl });
  await extension.activate({ subscriptions: [] });
  const { serverOptions, clientOptions } = clients[0];
  assert.deepStrictEqual(clientOptions.documentSelector.slice(1),
    [{ scheme: 'file', pattern: '**/fleet/*.md' }]);
  // Started as VS Code's client starts it: the command, its arguments, the options.
  const child = spawn(serverOptions.command, serverOptions.args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', resolve);
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: null, rootUri: null, capabilities: {},
    initializationOptions: clientOptions.initializationOptions });
  connection.sendNotification('initialized', {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policyc-vscode-'));
  const uri = pathToFileURL(path.join(dir, 'p.policy')).href;
  connection.sendNotification('textDocument/didOpen', { textDocument:
    { uri, languageId: 'policy', version: 1, text: 'const A: list<hostname> = B\n' } });
  const { diagnostics } = await published;
  const unknown = diagnostics.find((d) => d.code === 'E0202');
  assert.ok(unknown, JSON.stringify(diagnostics));
  assert.strictEqual(unknown.codeDescription.href, `${errorDocsUrl}#e0202-unknown-name`);
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  await new Promise((resolve) => child.on('exit', resolve));
  connection.dispose();
  await extension.deactivate();
});
