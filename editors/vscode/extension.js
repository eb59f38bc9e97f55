// Starts `policyc lsp` for .policy files: diagnostics as `policyc check` reports them,
// updated as you type (unsaved files included), and formatting as `policyc fmt` lays out.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('policyc').get('path', 'policyc');
  client = new LanguageClient('policyc', 'policyc', { command, args: ['lsp'] },
    { documentSelector: [{ scheme: 'file', language: 'policy' }] });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
