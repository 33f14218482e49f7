import { closeOpenDocument, forgetProjectCaches, onSkippedFile, setOpenDocument } from '../../../eslint-plugin/src/editor';

/**
 * Keeps the plugin's project model in step with the editor: open documents are
 * read from the editor's text (unsaved edits included), not from the disk, so
 * a page that starts calling a data function changes that module's findings
 * before anything is saved.
 */

export function trackOpenDocument(filePath: string, text: string, version: number): void {
  setOpenDocument(filePath, text, version);
}

export function forgetOpenDocument(filePath: string): void {
  closeOpenDocument(filePath);
}

/** Logs, once per file, each workspace file the model skipped for its size. */
export function logSkippedFiles(log: (message: string) => void): void {
  onSkippedFile((filePath, _reason, size) => {
    const megabytes = size === undefined ? 'over 1' : (size / 1_000_000).toFixed(1);
    log(`Skipped ${filePath} (${megabytes} MB): files over 1 MB are not read when following imports.`);
  });
}

/** A file changed on disk (created, saved, deleted): what the model knows of other files is read again. */
export function forgetProjectFiles(): void {
  forgetProjectCaches();
}
