// Starts `akkoord lsp` for the rule files (`.akk`) and facts files (`feiten.json`) of the
// workspace, and stops it with the editor. Everything else happens in the server.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('akkoord');
  const server = {
    command: config.get('server.path', 'akkoord'),
    args: ['lsp', '--taal', config.get('taal', 'nl')],
  };
  client = new LanguageClient('akkoord', 'akkoord', { run: server, debug: server }, {
    documentSelector: [
      { scheme: 'file', language: 'akkoord' },
      { scheme: 'file', pattern: '**/feiten.json' },
    ],
    synchronize: {
      // Files changed outside the editor: rule files, facts files, source documents.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{akk,json,txt}'),
    },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
