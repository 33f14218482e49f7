import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { DeferringToEslintNotification, type DeferringToEslintParams } from '../shared/protocol';
import type { NextDbSettings } from '../shared/settings';
import { type EslintConfigRules, findNearestEslintConfigRules } from './eslint-config';
import type { PresetRules } from './rule-config';

/**
 * "Not twice": rules the workspace's own ESLint config enables, while the
 * ESLint extension runs, are reported by that extension and not again here.
 */
export class EslintDeferral {
  eslintExtensionActive = false;
  /** The ESLint config that applies, per folder of linted files; cleared when a config file changes. */
  private readonly configs = new Map<string, EslintConfigRules | undefined>();
  /** Config files already told about, with the rules they were told about. */
  private readonly announced = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  clearConfigCache(): void {
    this.configs.clear();
  }

  /** `root`: the workspace folder (or project root) the config search must not leave. `presets`: from the linter module. */
  getExcludedRules(filePath: string, root: string, settings: NextDbSettings, presets: PresetRules): ReadonlySet<string> {
    if (!settings.deferToEslintExtension || !this.eslintExtensionActive) return new Set();
    const dir = path.dirname(filePath);
    if (!this.configs.has(dir)) this.configs.set(dir, findNearestEslintConfigRules(filePath, presets, root));
    const config = this.configs.get(dir);
    if (config === undefined || config.rules.size === 0) return new Set();
    this.announceOnce(config);
    return config.rules;
  }

  private announceOnce(config: EslintConfigRules): void {
    const rules = [...config.rules].sort();
    if (this.announced.get(config.configFile) === rules.join()) return;
    this.announced.set(config.configFile, rules.join());
    const params: DeferringToEslintParams = { folder: path.dirname(config.configFile), configFile: config.configFile, rules };
    this.connection.console.info(`${path.basename(config.configFile)} enables ${rules.join(', ')}; leaving them to the ESLint extension.`);
    void this.connection.sendNotification(DeferringToEslintNotification, params);
  }
}
