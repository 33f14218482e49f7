import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver/node';
import type { LintWorkspaceResult } from '../shared/protocol';
import type { Problem } from './diagnostics';
import { toFileUri } from './folders';
import { readRegularFile } from '../../../eslint-plugin/src/project/read-file';
import type { LintRequest } from './lint';
import { findLintableFiles } from './workspace-files';

export interface LintWorkspaceContext {
  folders: readonly string[];
  token: CancellationToken;
  /** The editor's text for an open document (which may be unsaved), else undefined. */
  openText(uri: string): string | undefined;
  buildRequest(filePath: string, text: string, scopeUri: string): Promise<LintRequest | undefined>;
  lint(request: LintRequest, document: TextDocument): Problem[];
  publish(uri: string, problems: Problem[]): void;
  report(message: string, percentage: number): void;
}

/** Lets `$/cancelRequest` in between two files: linting itself is synchronous. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A file's text as the editor would show it (VS Code drops the byte order
 * mark, so positions count without it), if it is a regular file inside the
 * folder and under the size cap.
 */
function readText(filePath: string, folder: string): string | undefined {
  const read = readRegularFile(filePath, { root: folder });
  return read.ok ? read.text : undefined;
}

/** Every file to lint, folder by folder; the walk yields and stops when cancelled. */
async function listFiles(folders: readonly string[], isCancelled: () => boolean): Promise<Array<{ folder: string; file: string }>> {
  const files: Array<{ folder: string; file: string }> = [];
  for (const folder of folders) {
    for await (const file of findLintableFiles(folder, isCancelled)) files.push({ folder, file });
  }
  return files;
}

/** Lints every matching file of every folder and publishes the results, file by file. */
export async function lintWorkspace(context: LintWorkspaceContext): Promise<LintWorkspaceResult> {
  const isCancelled = () => context.token.isCancellationRequested;
  const files = await listFiles(context.folders, isCancelled);
  let problemCount = 0;
  let linted = 0;
  for (const { folder, file } of files) {
    await yieldToEventLoop();
    if (isCancelled()) break;
    const uri = toFileUri(file);
    const text = context.openText(uri) ?? readText(file, folder);
    context.report(path.relative(folder, file), Math.round((linted / files.length) * 100));
    linted++;
    if (text === undefined) continue;
    // Settings are resource-scoped; a folder is the finest scope that matters for a whole-workspace run.
    const request = await context.buildRequest(file, text, toFileUri(folder));
    const problems = request === undefined ? [] : context.lint(request, TextDocument.create(uri, 'typescript', 0, text));
    problemCount += problems.length;
    context.publish(uri, problems);
  }
  return { files: linted, problems: problemCount, cancelled: isCancelled() };
}
