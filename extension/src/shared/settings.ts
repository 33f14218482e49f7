/**
 * The `next-db.*` settings, shared by client and server. The server pulls them
 * per document (they are `resource`-scoped) and normalises whatever it gets:
 * a hand-edited settings.json must never crash the server.
 */

import { DEFAULT_POOL_SIZE, type PoolFactoryOption } from '../../../eslint-plugin/src/utils/drivers/pool-defaults';

export const SETTINGS_SECTION = 'next-db';

/** What ESLint puts before the plugin's rule names: the section is the plugin's namespace (test/plugin/editor.test.ts checks). */
export const RULE_ID_PREFIX = `${SETTINGS_SECTION}/`;

/** `no-pool-in-handler` from `next-db/no-pool-in-handler` (or from itself). */
export function toRuleName(ruleId: string): string {
  return ruleId.startsWith(RULE_ID_PREFIX) ? ruleId.slice(RULE_ID_PREFIX.length) : ruleId;
}

export type RunMode = 'onType' | 'onSave' | 'off';
export type RuleSeverity = 'off' | 'warn' | 'error';
export type HostChoice = 'auto' | 'vercel' | 'cloudflare' | 'node';

/** A custom pool factory, in the shape `next-db/no-pool-in-handler` takes. */
export type PoolFactorySetting = PoolFactoryOption;

export interface NextDbSettings {
  enable: boolean;
  run: RunMode;
  /** Rule name (with or without the `next-db/` prefix) → severity; unset rules keep the recommended level. */
  rules: Record<string, RuleSeverity>;
  poolSize: number;
  poolFactories: PoolFactorySetting[];
  /** `host` is where the app runs, for the rules whose advice depends on it; 'auto' detects it. */
  next: { rootDir: string[]; host: HostChoice };
  /** Leave rules to the ESLint extension when the workspace's own config enables them. */
  deferToEslintExtension: boolean;
}

export const DEFAULT_SETTINGS: NextDbSettings = {
  enable: true,
  run: 'onType',
  rules: {},
  poolSize: DEFAULT_POOL_SIZE,
  poolFactories: [],
  next: { rootDir: ['.'], host: 'auto' },
  deferToEslintExtension: true,
};

const RUN_MODES: readonly RunMode[] = ['onType', 'onSave', 'off'];
const SEVERITIES: readonly RuleSeverity[] = ['off', 'warn', 'error'];
const HOST_CHOICES: readonly HostChoice[] = ['auto', 'vercel', 'cloudflare', 'node'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Receives one line per ignored setting value, e.g. for the output channel. */
export type SettingsWarn = (message: string) => void;

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function toRuleSeverities(value: unknown, warn: SettingsWarn): Record<string, RuleSeverity> {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    warn(`next-db.rules: expected an object of rule severities, got ${describe(value)}; using the recommended levels.`);
    return {};
  }
  const rules: Record<string, RuleSeverity> = {};
  for (const [name, severity] of Object.entries(value)) {
    if (SEVERITIES.includes(severity as RuleSeverity)) {
      rules[toRuleName(name)] = severity as RuleSeverity;
    } else {
      warn(`next-db.rules.${name}: expected "off", "warn" or "error", got ${describe(severity)}; ignored.`);
    }
  }
  return rules;
}

function toPoolFactories(value: unknown, warn: SettingsWarn): PoolFactorySetting[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    warn(`next-db.poolFactories: expected an array, got ${describe(value)}; ignored.`);
    return [];
  }
  return value.flatMap((item: unknown) => {
    if (!isRecord(item) || !isNonEmptyString(item.module)) {
      warn(`next-db.poolFactories: expected { "module": "…" }, got ${describe(item)}; ignored.`);
      return [];
    }
    const factory: PoolFactorySetting = { module: item.module.trim() };
    if (isNonEmptyString(item.import)) factory.import = item.import.trim();
    if (isNonEmptyString(item.sizeOption)) factory.sizeOption = item.sizeOption.trim();
    return [factory];
  });
}

function toRootDirs(value: unknown, warn: SettingsWarn): string[] {
  if (value === undefined) return [...DEFAULT_SETTINGS.next.rootDir];
  if (isNonEmptyString(value)) return [value.trim()];
  if (Array.isArray(value)) {
    const dirs = value.filter(isNonEmptyString).map((dir) => dir.trim());
    if (dirs.length === value.length && dirs.length > 0) return dirs;
    if (dirs.length > 0) {
      warn(`next-db.next.rootDir: ignored the entries that are not folder names in ${describe(value)}.`);
      return dirs;
    }
  }
  warn(`next-db.next.rootDir: expected a folder or a list of folders, got ${describe(value)}; using ".".`);
  return [...DEFAULT_SETTINGS.next.rootDir];
}

function toPoolSize(value: unknown, warn: SettingsWarn): number {
  if (value === undefined) return DEFAULT_POOL_SIZE;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  warn(`next-db.poolSize: expected a whole number of at least 1, got ${describe(value)}; using ${DEFAULT_POOL_SIZE}.`);
  return DEFAULT_POOL_SIZE;
}

/** A boolean or one of a few strings; anything else is warned about and replaced by the default. */
function toChoice<T>(name: string, value: unknown, isValid: (value: unknown) => value is T, fallback: T, warn: SettingsWarn): T {
  if (value === undefined || isValid(value)) return value ?? fallback;
  warn(`next-db.${name}: ${describe(value)} is not a valid value; using ${describe(fallback)}.`);
  return fallback;
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isRunMode = (value: unknown): value is RunMode => RUN_MODES.includes(value as RunMode);
const isHostChoice = (value: unknown): value is HostChoice => HOST_CHOICES.includes(value as HostChoice);

/**
 * Turns the raw `next-db` configuration section into complete, valid settings.
 * Each value of the wrong type or shape is replaced by its default and reported through `warn`.
 */
export function normalizeSettings(raw: unknown, warn: SettingsWarn = () => {}): NextDbSettings {
  const section = isRecord(raw) ? raw : {};
  const next = isRecord(section.next) ? section.next : {};
  return {
    enable: toChoice('enable', section.enable, isBoolean, DEFAULT_SETTINGS.enable, warn),
    run: toChoice('run', section.run, isRunMode, DEFAULT_SETTINGS.run, warn),
    rules: toRuleSeverities(section.rules, warn),
    poolSize: toPoolSize(section.poolSize, warn),
    poolFactories: toPoolFactories(section.poolFactories, warn),
    // VS Code hands dotted settings over nested (`next: { rootDir }`), other clients may not.
    next: {
      rootDir: toRootDirs(next.rootDir ?? section['next.rootDir'], warn),
      host: toChoice('next.host', next.host ?? section['next.host'], isHostChoice, DEFAULT_SETTINGS.next.host, warn),
    },
    // The key was `deferToEslintExtension` until the settings UI showed it as "Defer To Eslint Extension".
    deferToEslintExtension: toChoice(
      section.deferToESLintExtension === undefined && section.deferToEslintExtension !== undefined ? 'deferToEslintExtension' : 'deferToESLintExtension',
      section.deferToESLintExtension ?? section.deferToEslintExtension,
      isBoolean,
      DEFAULT_SETTINGS.deferToEslintExtension,
      warn,
    ),
  };
}
