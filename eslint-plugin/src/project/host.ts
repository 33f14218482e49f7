import * as path from 'node:path';
import type { NextSettings } from '../utils/next/next-settings';
import { findAppRoot } from './app-root';
import { createEpochCache, refreshEpoch } from './epoch';
import { getDerived } from './file-store';
import { ancestorDirs, hasEntry, listFolder } from './folders';
import { parseJsonc } from './jsonc';
import { getProjectScope } from './scope';

/**
 * Where the app runs, which changes the advice on pools:
 * - 'cloudflare': Cloudflare Workers through OpenNext, where a pool must not
 *   be shared across requests;
 * - 'vercel': Vercel Functions (Fluid compute), where a module-scope pool is
 *   passed to `attachDatabasePool`;
 * - 'node': anything else (a Node.js server, a container, another host).
 */
export type Host = NonNullable<NextSettings['host']>;

const WRANGLER_CONFIGS = ['wrangler.toml', 'wrangler.json', 'wrangler.jsonc'];
const CLOUDFLARE_PACKAGE = '@opennextjs/cloudflare';
const VERCEL_PACKAGE = '@vercel/functions';

interface DeclaredPackages {
  /** `dependencies`: what the deployed app imports at run time. */
  runtime: ReadonlySet<string>;
  /** `dependencies` and `devDependencies`: build tools such as the OpenNext adapter count too. */
  any: ReadonlySet<string>;
}

function namesIn(field: unknown): string[] {
  return field !== null && typeof field === 'object' && !Array.isArray(field) ? Object.keys(field) : [];
}

function readDeclaredPackages(packageJsonPath: string, root: string): DeclaredPackages | undefined {
  return getDerived('host-packages', packageJsonPath, root, (text) => {
    const manifest = parseJsonc(text);
    if (!manifest) return undefined;
    const runtime = new Set(namesIn(manifest.dependencies));
    return { runtime, any: new Set([...runtime, ...namesIn(manifest.devDependencies)]) };
  });
}

/**
 * The host an app deploys to, from the folders between the app root and the
 * project root: Cloudflare for a `wrangler.toml|json|jsonc` or
 * `@opennextjs/cloudflare` in (dev)dependencies; else Vercel for a
 * `vercel.json` or `@vercel/functions` in `dependencies` (a devDependency
 * alone is a test or tool, as in next-db's own repository); else 'node'.
 * Cloudflare wins when both show: its adapter is only installed to deploy there.
 */
export function detectHost(appRoot: string, root: string): Host {
  let vercel = false;
  for (const dir of ancestorDirs(appRoot, root)) {
    const names = listFolder(dir);
    if (WRANGLER_CONFIGS.some((name) => hasEntry(path.join(dir, name)))) return 'cloudflare';
    const packages = names.has('package.json') ? readDeclaredPackages(path.join(dir, 'package.json'), root) : undefined;
    if (packages?.any.has(CLOUDFLARE_PACKAGE)) return 'cloudflare';
    vercel ||= names.has('vercel.json') || (packages?.runtime.has(VERCEL_PACKAGE) ?? false);
  }
  return vercel ? 'vercel' : 'node';
}

/** Detected hosts, by project root and app root, once per epoch (see epoch.ts). */
const detectedHosts = createEpochCache<string, Host>();

interface LintedFile {
  filename: string;
  cwd: string;
}

/** The host of the linted file's app: `settings.next.host` when set, else detected. */
export function getHost(file: LintedFile, settings: NextSettings): Host {
  if (settings.host !== undefined) return settings.host;
  refreshEpoch();
  const { root } = getProjectScope(file.filename, file.cwd, settings);
  const appRoot = findAppRoot(path.resolve(file.cwd, file.filename), root) ?? root;
  const key = `${root}\0${appRoot}`;
  let host = detectedHosts.get(key);
  if (host === undefined) {
    host = detectHost(appRoot, root);
    detectedHosts.set(key, host);
  }
  return host;
}
