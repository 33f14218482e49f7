/**
 * The `next-db.*` settings, shared by client and server. The server pulls them
 * per document (they are `resource`-scoped) and normalises whatever it gets:
 * a hand-edited settings.json must never crash the server.
 */

export const SETTINGS_SECTION = 'next-db';

export type RunMode = 'onType' | 'onSave' | 'off';
export type RuleSeverity = 'off' | 'warn' | 'error';

/** A custom pool factory, in the shape `next-db/no-pool-in-handler` takes. */
export interface PoolFactorySetting {
  module: string;
  import?: string;
  sizeOption?: string;
}

export interface NextDbSettings {
  enable: boolean;
  run: RunMode;
  /** Rule name (with or without the `next-db/` prefix) → severity; unset rules keep the recommended level. */
  rules: Record<string, RuleSeverity>;
  poolSize: number;
  poolFactories: PoolFactorySetting[];
  next: { rootDir: string[] };
  /** Leave rules to the ESLint extension when the workspace's own config enables them. */
  deferToEslintExtension: boolean;
}

export const DEFAULT_POOL_SIZE = 5;

export const DEFAULT_SETTINGS: NextDbSettings = {
  enable: true,
  run: 'onType',
  rules: {},
  poolSize: DEFAULT_POOL_SIZE,
  poolFactories: [],
  next: { rootDir: ['.'] },
  deferToEslintExtension: true,
};

const RUN_MODES: readonly RunMode[] = ['onType', 'onSave', 'off'];
const SEVERITIES: readonly RuleSeverity[] = ['off', 'warn', 'error'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function toRuleSeverities(value: unknown): Record<string, RuleSeverity> {
  if (!isRecord(value)) return {};
  const rules: Record<string, RuleSeverity> = {};
  for (const [name, severity] of Object.entries(value)) {
    if (SEVERITIES.includes(severity as RuleSeverity)) {
      rules[name.replace(/^next-db\//, '')] = severity as RuleSeverity;
    }
  }
  return rules;
}

function toPoolFactories(value: unknown): PoolFactorySetting[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((item) => {
    if (!isNonEmptyString(item.module)) return [];
    const factory: PoolFactorySetting = { module: item.module.trim() };
    if (isNonEmptyString(item.import)) factory.import = item.import.trim();
    if (isNonEmptyString(item.sizeOption)) factory.sizeOption = item.sizeOption.trim();
    return [factory];
  });
}

function toRootDirs(value: unknown): string[] {
  if (isNonEmptyString(value)) return [value.trim()];
  if (Array.isArray(value)) {
    const dirs = value.filter(isNonEmptyString).map((dir) => dir.trim());
    if (dirs.length > 0) return dirs;
  }
  return [...DEFAULT_SETTINGS.next.rootDir];
}

function toPoolSize(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_POOL_SIZE;
}

/** Turns the raw `next-db` configuration section into complete, valid settings. */
export function normalizeSettings(raw: unknown): NextDbSettings {
  const section = isRecord(raw) ? raw : {};
  const next = isRecord(section.next) ? section.next : {};
  return {
    enable: typeof section.enable === 'boolean' ? section.enable : DEFAULT_SETTINGS.enable,
    run: RUN_MODES.includes(section.run as RunMode) ? (section.run as RunMode) : DEFAULT_SETTINGS.run,
    rules: toRuleSeverities(section.rules),
    poolSize: toPoolSize(section.poolSize),
    poolFactories: toPoolFactories(section.poolFactories),
    // VS Code hands dotted settings over nested (`next: { rootDir }`), other clients may not.
    next: { rootDir: toRootDirs(next.rootDir ?? section['next.rootDir']) },
    deferToEslintExtension:
      typeof section.deferToEslintExtension === 'boolean'
        ? section.deferToEslintExtension
        : DEFAULT_SETTINGS.deferToEslintExtension,
  };
}
