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
  writeFileSync(path.join(outDir, 'handler.ts'), handlerSource);
  const main = path.join(outDir, 'main.ts');
  writeFileSync(
    main,
    `import * as handlerModule from './handler';\nimport { runInstance } from ${JSON.stringify(entry)};\nvoid runInstance(handlerModule);\n`,
  );
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
