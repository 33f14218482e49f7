import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { runProcess } from '../processes';
import { RESULT_MARKER, type HandlerKind, type SequentialCall, type WaveResult } from './wave-result';

const ENTRY = path.join(import.meta.dirname, 'instance-entry.ts');

/**
 * Bundles a handler's source with a runner (`entry`, which exports
 * `runInstance(handlerModule)`; the concurrent load runner by default) into
 * one CommonJS file in `outDir`. The folder must sit inside the repository so `pg` resolves from
 * the root node_modules (it stays external, as in a real server build).
 */
export async function bundleHandlerInstance(handlerSource: string, outDir: string, entry = ENTRY): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const handler = path.join(outDir, 'handler.ts');
  writeFileSync(handler, handlerSource);
  return bundleHandlerModules([handler], outDir, entry);
}

/**
 * Bundles handler modules of an app on disk (with what they import: `@/`
 * paths resolve through the app's tsconfig) and the load runner into one
 * CommonJS file in `outDir`, inside the repository as above. Each module is
 * loaded once, as in one server process, so the handlers share what they
 * import (a module-scoped pool in lib/db.ts, say); the instance calls them in turns.
 */
export async function bundleHandlerModules(handlerPaths: readonly string[], outDir: string, entry = ENTRY): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const main = path.join(outDir, 'main.ts');
  const imports = handlerPaths.map((handler, index) => `import * as handler${index} from ${JSON.stringify(handler.replace(/\.tsx?$/, ''))};`);
  const modules = handlerPaths.map((_, index) => `handler${index}`).join(', ');
  writeFileSync(main, `${imports.join('\n')}\nimport { runInstance } from ${JSON.stringify(entry)};\nvoid runInstance([${modules}]);\n`);
  const outfile = path.join(outDir, 'instance.cjs');
  await build({
    entryPoints: [main],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['pg', 'pg-native', 'next'],
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs a bundled instance in a fresh process against `databaseUrl` with `args` and returns what it printed as its results. */
async function runInstanceProcess(bundle: string, args: readonly string[], databaseUrl: string): Promise<unknown> {
  const { output } = await runProcess(process.execPath, [bundle, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    timeoutMs: 120_000,
  });
  const line = output.split('\n').find((text) => text.startsWith(RESULT_MARKER));
  if (line === undefined) throw new Error(`The handler instance printed no results:\n${output}`);
  return JSON.parse(line.slice(RESULT_MARKER.length));
}

/** Runs a bundled load instance (see instance-entry.ts) and returns each wave's results. */
export async function runHandlerInstance(
  bundle: string,
  options: { kind: HandlerKind; requests: number; waves: number; databaseUrl: string },
): Promise<WaveResult[]> {
  const args = [options.kind, String(options.requests), String(options.waves)];
  return (await runInstanceProcess(bundle, args, options.databaseUrl)) as WaveResult[];
}

/** Runs a bundled sequential instance (see sequential-entry.ts) and returns each call's outcome. */
export async function runSequentialInstance(
  bundle: string,
  options: { requests: number; timeLimitMs: number; databaseUrl: string },
): Promise<SequentialCall[]> {
  const args = [String(options.requests), String(options.timeLimitMs)];
  return (await runInstanceProcess(bundle, args, options.databaseUrl)) as SequentialCall[];
}
