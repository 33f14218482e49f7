import * as vscode from 'vscode';
import { type LanguageClient, WorkDoneProgress } from 'vscode-languageclient/node';
import {
  LintWorkspaceRequest,
  type LintWorkspaceParams,
  type LintWorkspaceResult,
} from '../shared/protocol';

let nextToken = 0;

/** "1 file", "3 files". */
function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

/** "next-db: Lint Workspace": the server lints, the client shows a cancellable progress notification. */
export async function lintWorkspaceWithProgress(client: LanguageClient, log: vscode.LogOutputChannel): Promise<void> {
  const progressToken = `next-db-lint-workspace-${nextToken++}`;
  const result = await vscode.window.withProgress<LintWorkspaceResult | undefined>(
    { location: vscode.ProgressLocation.Notification, title: 'next-db: Linting the workspace', cancellable: true },
    async (progress, cancellation) => {
      let reported = 0;
      const subscription = client.onProgress(WorkDoneProgress.type, progressToken, (value) => {
        if (value.kind !== 'report') return;
        const percentage = value.percentage ?? reported;
        progress.report({ message: value.message, increment: Math.max(percentage - reported, 0) });
        reported = percentage;
      });
      try {
        const params: LintWorkspaceParams = { progressToken };
        return await client.sendRequest<LintWorkspaceResult>(LintWorkspaceRequest, params, cancellation);
      } catch (error) {
        // A cancelled request may be rejected rather than answered.
        if (!cancellation.isCancellationRequested) log.error(`Lint Workspace failed: ${String(error)}`);
        return undefined;
      } finally {
        subscription.dispose();
      }
    },
  );
  if (result === undefined) return;
  const summary = `${count(result.problems, 'problem')} in ${count(result.files, 'file')}`;
  log.info(`Lint Workspace: ${summary}${result.cancelled ? ' before it was cancelled' : ''}.`);
  if (result.cancelled) return;
  if (result.problems > 0) {
    // Focus (not toggle) the Problems view: it shows the results.
    void vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  } else {
    void vscode.window.showInformationMessage(`next-db: no problems in ${count(result.files, 'file')}.`);
  }
}
