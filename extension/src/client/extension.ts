import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { ClientCommands, DeferringToEslintNotification, type InitializationOptions } from '../shared/protocol';
import { SETTINGS_SECTION } from '../shared/settings';
import { announceDeferral, isEslintExtensionActive, watchEslintExtension } from './eslint-extension';
import { createFirstDiagnosticsLog } from './first-diagnostics';
import { lintWorkspaceWithProgress } from './lint-workspace';

const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

let client: LanguageClient | undefined;

/** Restarts a crashed server (with a message) unless it keeps crashing. */
function createErrorHandler(log: vscode.LogOutputChannel) {
  const restarts: number[] = [];
  return {
    error(): ErrorHandlerResult {
      return { action: ErrorAction.Continue };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        log.error('The next-db server crashed too often; it will not be restarted.');
        return { action: CloseAction.DoNotRestart, message: 'The next-db server crashed 5 times in 3 minutes and was stopped. See the "next-db" output.' };
      }
      log.warn('The next-db server stopped unexpectedly; restarting it.');
      // The client only logs a restart message (it pops up errors alone), so the user is told here.
      const message = 'The next-db server stopped unexpectedly and was restarted.';
      void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => choice && log.show());
      return { action: CloseAction.Restart, message, handled: true };
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = Date.now();
  const log = vscode.window.createOutputChannel('next-db', { log: true });
  context.subscriptions.push(log);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const eslintConfigWatcher = vscode.workspace.createFileSystemWatcher('**/eslint.config.{js,mjs,cjs,ts,mts,cts}');
  // The rules follow imports and read package.json, next.config and tsconfig: a change there can change findings in open files.
  const projectWatcher = vscode.workspace.createFileSystemWatcher(
    '**/{*.{js,jsx,mjs,cjs,ts,tsx,mts,cts},package.json,tsconfig.json,jsconfig.json}',
  );
  context.subscriptions.push(eslintConfigWatcher, projectWatcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      // "Not twice" reads the ESLint configs; a change re-reads them. The project files change findings.
      fileEvents: [eslintConfigWatcher, projectWatcher],
    },
    // A function, so that a restarted server learns the current state.
    initializationOptions: (): InitializationOptions => ({ eslintExtensionActive: isEslintExtensionActive() }),
    outputChannel: log,
    errorHandler: createErrorHandler(log),
    middleware: createFirstDiagnosticsLog(log),
  };

  const languageClient = new LanguageClient('next-db', 'next-db', serverOptions, clientOptions);
  client = languageClient;
  context.subscriptions.push(
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Running) log.info('Server running.');
      if (newState === State.Stopped) log.info('Server stopped.');
    }),
    languageClient.onNotification(DeferringToEslintNotification, (params) => announceDeferral(params, log)),
    watchEslintExtension(languageClient),
    vscode.commands.registerCommand(ClientCommands.lintWorkspace, () => lintWorkspaceWithProgress(languageClient, log)),
    vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
      log.info('Restarting the server on request.');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => log.show()),
  );

  try {
    await languageClient.start();
    log.info(`Activated in ${Date.now() - started} ms (server ready).`);
  } catch (error) {
    log.error(`The next-db server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage('The next-db server did not start. See the "next-db" output for details.');
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
