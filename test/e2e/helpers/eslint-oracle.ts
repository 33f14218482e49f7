import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import plugin from '../../../eslint-plugin/src/index';
import type { Problem } from './workbench';
import { recommendedFlatConfig } from '../../support/lint-config.mjs';

/**
 * What the rules themselves say about a file, through ESLint's own API. Scenarios compare
 * the editor against this instead of hard-coding expected text.
 */
export function lintWithPlugin(workspaceDir: string, relativePath: string, text: string): Linter.LintMessage[] {
  const linter = new Linter({ cwd: workspaceDir });
  return linter.verify(text, recommendedFlatConfig(plugin), { filename: path.join(workspaceDir, relativePath) });
}

/** The one finding of `ruleId` in the file; fails loudly if there is not exactly one. */
export function getOnlyFinding(messages: Linter.LintMessage[], ruleId: string): Linter.LintMessage {
  const findings = messages.filter((message) => message.ruleId === `next-db/${ruleId}`);
  if (findings.length !== 1) {
    throw new Error(`expected exactly one ${ruleId} finding, ESLint reports ${JSON.stringify(messages, null, 2)}`);
  }
  return findings[0]!;
}

/** Whether a Problems view entry is next-db's report of this ESLint finding in this file. */
export function isReportOf(problem: Problem, file: string, finding: Linter.LintMessage): boolean {
  return problem.source === 'next-db' && problem.file === file && problem.message === finding.message && problem.line === finding.line;
}

const LINTABLE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Every finding of the plugin in every lintable file of a workspace, as `eslint .` would list them. */
export function lintWorkspaceWithPlugin(workspaceDir: string): Array<{ file: string; finding: Linter.LintMessage }> {
  const files = readdirSync(workspaceDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => LINTABLE.test(file) && !file.split('/').includes('node_modules'))
    .sort();
  return files.flatMap((file) =>
    lintWithPlugin(workspaceDir, file, readFileSync(path.join(workspaceDir, file), 'utf8'))
      .filter((finding) => finding.ruleId?.startsWith('next-db/'))
      .map((finding) => ({ file, finding })),
  );
}
