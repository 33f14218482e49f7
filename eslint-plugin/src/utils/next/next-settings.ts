/**
 * `settings.next` as shared with @next/eslint-plugin-next, plus the few extra
 * fields next-db reads. Every field is optional; bad values are ignored.
 */
export interface NextSettings {
  /** Project root(s) relative to the ESLint cwd, for monorepos. */
  rootDir: string[];
  /** Extensions Next.js treats as pages and route handlers. */
  pageExtensions: string[];
  /** The Next.js major version, when it should not be read from package.json. */
  version: number | undefined;
  /** Whether `cacheComponents` is on, when it should not be read from next.config.*. */
  cacheComponents: boolean | undefined;
  /** Where the app runs, when it should not be detected (see project/host.ts); any other value is ignored. */
  host: 'vercel' | 'cloudflare' | 'node' | undefined;
}

const HOST_VALUES = new Set(['vercel', 'cloudflare', 'node']);

const DEFAULT_PAGE_EXTENSIONS = ['tsx', 'ts', 'jsx', 'js', 'mjs'];

function toStringList(value: unknown): string[] | undefined {
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value)) {
    const strings = value.filter((item): item is string => typeof item === 'string' && item !== '');
    return strings.length > 0 ? strings : undefined;
  }
  return undefined;
}

function toMajorVersion(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string') {
    const match = /^\D*(\d+)/.exec(value);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}

/** Reads `settings.next` from an ESLint rule context's settings. */
export function getNextSettings(settings: Readonly<Record<string, unknown>> | undefined): NextSettings {
  const raw = settings?.next;
  const next = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    rootDir: toStringList(next.rootDir) ?? ['.'],
    pageExtensions: toStringList(next.pageExtensions)?.map((ext) => ext.replace(/^\./, '')) ?? DEFAULT_PAGE_EXTENSIONS,
    version: toMajorVersion(next.version),
    cacheComponents: typeof next.cacheComponents === 'boolean' ? next.cacheComponents : undefined,
    host: typeof next.host === 'string' && HOST_VALUES.has(next.host) ? (next.host as NextSettings['host']) : undefined,
  };
}
