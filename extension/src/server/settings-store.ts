import type { Connection } from 'vscode-languageserver/node';
import { type NextDbSettings, SETTINGS_SECTION, normalizeSettings } from '../shared/settings';

/**
 * Pulls the resource-scoped `next-db` settings from the client, once per
 * scope (a document or folder URI) until the configuration changes.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<NextDbSettings>>();
  canPull = false;

  constructor(private readonly connection: Connection) {}

  get(scopeUri: string): Promise<NextDbSettings> {
    let settings = this.cache.get(scopeUri);
    if (settings === undefined) {
      settings = this.canPull
        ? this.connection.workspace
            .getConfiguration({ scopeUri, section: SETTINGS_SECTION })
            .then(normalizeSettings, () => normalizeSettings(undefined))
        : Promise.resolve(normalizeSettings(undefined));
      this.cache.set(scopeUri, settings);
    }
    return settings;
  }

  forget(scopeUri: string): void {
    this.cache.delete(scopeUri);
  }

  clear(): void {
    this.cache.clear();
  }
}
