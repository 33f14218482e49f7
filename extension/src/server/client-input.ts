import type { ApplyEditsArgs, EslintExtensionState, FixAllArgs } from '../shared/protocol';

/**
 * Checks on what the client sends, at the boundary: a message with a missing
 * or mistyped field is refused (undefined) or read as empty, instead of
 * throwing a TypeError deep in a handler, or worse, being acted on.
 */

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

function isPosition(value: unknown): boolean {
  return isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character);
}

function isRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

function isTextEdit(value: unknown): value is ApplyEditsArgs['edits'][number] {
  return isObject(value) && isRange(value.range) && typeof value.newText === 'string';
}

/** `{ uri, version }` of a document edit command, with an integer version. */
export function readFixAllArgs(value: unknown): FixAllArgs | undefined {
  if (!isObject(value) || typeof value.uri !== 'string' || !Number.isInteger(value.version)) return undefined;
  return { uri: value.uri, version: value.version as number };
}

export function readApplyEditsArgs(value: unknown): ApplyEditsArgs | undefined {
  const target = readFixAllArgs(value);
  const edits = isObject(value) ? value.edits : undefined;
  if (target === undefined || !Array.isArray(edits) || !edits.every(isTextEdit)) return undefined;
  return { ...target, edits };
}

export function readEslintExtensionState(value: unknown): EslintExtensionState | undefined {
  return isObject(value) && typeof value.active === 'boolean' ? { active: value.active } : undefined;
}

/** The URIs of a list of workspace folders; entries that are not `{ uri: string }` are left out. */
export function readFolderUris(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((folder: unknown) => (isObject(folder) && typeof folder.uri === 'string' ? [folder.uri] : []));
}

export interface CodeActionRequest<D> {
  uri: string | undefined;
  /** The kinds asked for; undefined (all kinds) when absent or not a list of strings. */
  only: string[] | undefined;
  /** The diagnostics that have the shape the server looks problems up by. */
  diagnostics: D[];
}

export function readCodeActionParams<D>(params: unknown): CodeActionRequest<D> {
  const textDocument = isObject(params) ? params.textDocument : undefined;
  const context = isObject(params) && isObject(params.context) ? params.context : {};
  const { only, diagnostics } = context;
  return {
    uri: isObject(textDocument) && typeof textDocument.uri === 'string' ? textDocument.uri : undefined,
    only: Array.isArray(only) && only.every((kind) => typeof kind === 'string') ? only : undefined,
    diagnostics: Array.isArray(diagnostics) ? diagnostics.filter((item: unknown) => isObject(item) && isRange(item.range)) : [],
  };
}

/** A `$/progress` token: a string or an integer. */
export function readProgressToken(params: unknown): string | number | undefined {
  const token = isObject(params) ? params.progressToken : undefined;
  return typeof token === 'string' || Number.isInteger(token) ? (token as string | number) : undefined;
}

/** `initialize`: the workspace folders' URIs, falling back on `rootUri`. */
export function readInitialFolderUris(params: { workspaceFolders?: unknown; rootUri?: unknown }): string[] {
  const uris = readFolderUris(params.workspaceFolders);
  return uris.length === 0 && typeof params.rootUri === 'string' ? [params.rootUri] : uris;
}
