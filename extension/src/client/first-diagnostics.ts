import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/**
 * Logs, once per window, when the client handed the first document to the server and when the first
 * non-empty diagnostics came back, as wall-clock times (Date.now()). The output channel stamps its lines
 * late under load, so the times are written inside the lines; the E2E run reads them for its cold-start figure.
 */
export function createFirstDiagnosticsLog(log: vscode.LogOutputChannel): Middleware {
  let opened = false;
  let received = false;
  return {
    didOpen(document, next) {
      if (!opened) {
        opened = true;
        log.info(`First document sent to the server at ${Date.now()} (wall clock).`);
      }
      return next(document);
    },
    handleDiagnostics(uri, diagnostics, next) {
      if (!received && diagnostics.length > 0) {
        received = true;
        log.info(`First diagnostics received at ${Date.now()} (wall clock).`);
      }
      next(uri, diagnostics);
    },
  };
}
