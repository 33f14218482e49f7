import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  type DeferringToEslintParams,
  EslintExtensionStateNotification,
  type EslintExtensionState,
} from '../shared/protocol';
import { RULE_ID_PREFIX } from '../shared/settings';

const ESLINT_EXTENSION_ID = 'dbaeumer.vscode-eslint';

/**
 * Installed and enabled counts as active: `getExtension` returns only enabled
 * extensions, and vscode-eslint activates on its own shortly after startup,
 * so waiting for `isActive` would show every problem twice for a while.
 */
export function isEslintExtensionActive(): boolean {
  return vscode.extensions.getExtension(ESLINT_EXTENSION_ID) !== undefined;
}

/** Tells the server when vscode-eslint is installed, enabled, disabled or removed. */
export function watchEslintExtension(client: LanguageClient): vscode.Disposable {
  let active = isEslintExtensionActive();
  return vscode.extensions.onDidChange(() => {
    const now = isEslintExtensionActive();
    if (now === active) return;
    active = now;
    const state: EslintExtensionState = { active };
    // A server that is (re)starting gets the state in its initialization options instead.
    if (client.isRunning()) client.sendNotification(EslintExtensionStateNotification, state).catch(() => undefined);
  });
}

const announced = new Set<string>();

/** Says once per folder and session that some rules are left to vscode-eslint. */
export function announceDeferral(params: DeferringToEslintParams, log: vscode.LogOutputChannel): void {
  const rules = params.rules.map((rule) => `${RULE_ID_PREFIX}${rule}`).join(', ');
  log.info(`${params.configFile} enables ${rules}; the ESLint extension reports them, so next-db does not.`);
  const key = `${params.folder}|${rules}`;
  if (announced.has(key)) return;
  announced.add(key);
  const openSetting = 'Change setting';
  void vscode.window
    .showInformationMessage(
      `next-db: your ESLint config already enables ${rules} and the ESLint extension reports them, so next-db does not show them a second time.`,
      openSetting,
    )
    .then((choice) => {
      if (choice === openSetting) {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'next-db.deferToESLintExtension');
      }
    });
}
