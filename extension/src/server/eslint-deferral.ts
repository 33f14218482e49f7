import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { DeferringToEslintNotification, type DeferringToEslintParams } from '../shared/protocol';
import type { NextDbSettings } from '../shared/settings';
import { type EslintConfigRules, findEslintConfigRules } from './eslint-config';
import { getPresetRules } from './rule-config';

/**
 * "Not twice": rules the workspace's own ESLint config enables, while the
 * ESLint extension runs, are reported by that extension and not again here.
 */
export class EslintDeferral {
  eslintExtensionActive = false;
  /** The workspace's own ESLint config per folder; cleared when a config file changes. */
  private readonly configs = new Map<string, EslintConfigRules | undefined>();
  /** Folders already told about, with the rules they were told about. */
  private readonly announced = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  clearConfigCache(): void {
    this.configs.clear();
  }

  getExcludedRules(folder: string | undefined, settings: NextDbSettings): ReadonlySet<string> {
    if (folder === undefined || !settings.deferToEslintExtension || !this.eslintExtensionActive) return new Set();
    if (!this.configs.has(folder)) this.configs.set(folder, findEslintConfigRules(folder, getPresetRules()));
    const config = this.configs.get(folder);
    if (config === undefined || config.rules.size === 0) return new Set();
    this.announceOnce(folder, config);
    return config.rules;
  }

  private announceOnce(folder: string, config: EslintConfigRules): void {
    const rules = [...config.rules].sort();
    if (this.announced.get(folder) === rules.join()) return;
    this.announced.set(folder, rules.join());
    const params: DeferringToEslintParams = { folder, configFile: config.configFile, rules };
    this.connection.console.info(`${path.basename(config.configFile)} enables ${rules.join(', ')}; leaving them to the ESLint extension.`);
    void this.connection.sendNotification(DeferringToEslintNotification, params);
  }
}
