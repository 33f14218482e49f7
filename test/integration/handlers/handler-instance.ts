import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { runProcess } from '../processes';
import { RESULT_MARKER, type HandlerKind, type WaveResult } from './wave-result';

const ENTRY = path.join(import.meta.dirname, 'instance-entry.ts');

/**
 * Bundles a handler's source with the load runner into one CommonJS file in
 * `outDir`. The folder must sit inside the repository so `pg` resolves from
 * the root node_modules (it stays external, as in a real server build).
 */
export async function bundleHandlerInstance(handlerSource: string, outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const handler = path.join(outDir, 'handler.ts');
  writeFileSync(handler, handlerSource);
  return bundleHandlerModules([handler], outDir);
}

/**
 * Bundles handler modules of an app on disk (with what they import: `@/`
 * paths resolve through the app's tsconfig) and the load runner into one
 * CommonJS file in `outDir`, inside the repository as above. Each module is
 * loaded once, as in one server process, so the handlers share what they
 * import (a module-scoped pool in lib/db.ts, say); the instance calls them in turns.
 */
export async function bundleHandlerModules(handlerPaths: readonly string[], outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const main = path.join(outDir, 'main.ts');
  const imports = handlerPaths.map((handler, index) => `import * as handler${index} from ${JSON.stringify(handler.replace(/\.tsx?$/, ''))};`);
  const modules = handlerPaths.map((_, index) => `handler${index}`).join(', ');
  writeFileSync(main, `${imports.join('\n')}\nimport { runInstance } from ${JSON.stringify(ENTRY)};\nvoid runInstance([${modules}]);\n`);
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

/** Runs a bundled instance in a fresh process against `databaseUrl` and returns each wave's results. */
export async function runHandlerInstance(
  bundle: string,
  options: { kind: HandlerKind; requests: number; waves: number; databaseUrl: string },
): Promise<WaveResult[]> {
  const { output } = await runProcess(process.execPath, [bundle, options.kind, String(options.requests), String(options.waves)], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, NODE_ENV: 'production' },
    timeoutMs: 120_000,
  });
  const line = output.split('\n').find((text) => text.startsWith(RESULT_MARKER));
  if (line === undefined) throw new Error(`The handler instance printed no results:\n${output}`);
  return JSON.parse(line.slice(RESULT_MARKER.length)) as WaveResult[];
}
