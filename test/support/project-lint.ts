// Lints a whole app on disk the way a user's `eslint .` does (cwd = the app),
// for tests of findings that depend on other files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import plugin from '../../eslint-plugin/src/index';
import { applyFix, recommendedFlatConfig } from './lint-config.mjs';

export interface ProjectFinding {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  message: string;
  /** The file after the autofix, or after the first suggestion; undefined without either. */
  fixed?: string;
  kind: 'autofix' | 'suggestion' | 'none';
}

/** Writes `files` (path → text) into a new temporary folder and returns it. */
export function writeProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-project-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Every finding in the app (or in `patterns` of it), in file and position order, with what its fix makes of the file. */
export async function lintProject(dir: string, settings: Record<string, unknown> = {}, patterns = ['.']): Promise<ProjectFinding[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: recommendedFlatConfig(plugin, settings) as never });
  const results = await eslint.lintFiles(patterns);
  return results
    .flatMap((result) => {
      const text = fs.readFileSync(result.filePath, 'utf8');
      return result.messages.map((message): ProjectFinding => {
        const fix = message.fix ?? message.suggestions?.[0]?.fix;
        return {
          file: path.relative(dir, result.filePath).split(path.sep).join('/'),
          line: message.line,
          column: message.column,
          ruleId: message.ruleId,
          message: message.message,
          kind: message.fix ? 'autofix' : message.suggestions?.length ? 'suggestion' : 'none',
          ...(fix ? { fixed: applyFix(text, fix) } : {}),
        };
      });
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** The findings as `file:line rule` lines, for compact assertions. */
export function summarize(findings: readonly ProjectFinding[]): string[] {
  return findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId?.replace('next-db/', '')}`);
}
