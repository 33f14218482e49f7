import type { Connection } from 'vscode-languageserver/node';
import { type NextDbSettings, SETTINGS_SECTION, normalizeSettings } from '../shared/settings';

/**
 * Pulls the resource-scoped `next-db` settings from the client, once per
 * scope (a document or folder URI) until the configuration changes. Invalid
 * values are replaced by their defaults and logged once per configuration.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<NextDbSettings>>();
  private readonly warned = new Set<string>();
  canPull = false;

  /** `getRuleNames`: the plugin's rule names, which come with the linter (loaded after `initialize`). */
  constructor(
    private readonly connection: Connection,
    private readonly getRuleNames: () => Promise<readonly string[]>,
  ) {}

  private readonly warn = (message: string): void => {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.console.warn(`Invalid setting ignored: ${message}`);
  };

  get(scopeUri: string): Promise<NextDbSettings> {
    let settings = this.cache.get(scopeUri);
    if (settings === undefined) {
      settings = this.canPull
        ? this.connection.workspace
            .getConfiguration({ scopeUri, section: SETTINGS_SECTION })
            .then((raw) => normalizeSettings(raw, this.warn), () => normalizeSettings(undefined))
            .then(async (pulled) => this.checkRuleNames(pulled, await this.getRuleNames()))
        : Promise.resolve(normalizeSettings(undefined));
      this.cache.set(scopeUri, settings);
    }
    return settings;
  }

  /** A misspelt rule name in `next-db.rules` would otherwise do nothing, silently. */
  private checkRuleNames(settings: NextDbSettings, ruleNames: readonly string[]): NextDbSettings {
    for (const name of Object.keys(settings.rules)) {
      if (!ruleNames.includes(name)) this.warn(`next-db.rules: there is no rule "${name}" (the rules are ${ruleNames.join(', ')}); ignored.`);
    }
    return settings;
  }

  forget(scopeUri: string): void {
    this.cache.delete(scopeUri);
  }

  clear(): void {
    this.cache.clear();
    this.warned.clear();
  }
}
