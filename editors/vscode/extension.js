// Starts `policyc lsp` for .policy files: diagnostics as `policyc check` reports them,
// updated as you type (unsaved files included), and formatting as `policyc fmt` lays out.
// Bottle manifests (the files `policyc.bottles` matches) are served too: diagnostics as
// `policyc compile` reports them, hover, completion of keys and quick fixes. Only those
// globs, so that other YAML files in the workspace get no bottle errors.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('policyc');
  const command = settings.get('path', 'policyc');
  const bottles = settings.get('bottles', []);
  const documentSelector = [{ scheme: 'file', language: 'policy' }]
    .concat(bottles.map((pattern) => ({ scheme: 'file', pattern })));
  // Empty: the server links codes to the docs/errors.md installed with it.
  const errorDocsUrl = settings.get('errorDocsUrl', '');
  const initializationOptions = errorDocsUrl ? { errorDocsUrl } : {};
  client = new LanguageClient('policyc', 'policyc', { command, args: ['lsp'] },
    { documentSelector, initializationOptions });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
