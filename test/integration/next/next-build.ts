import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runProcess } from '../processes';
import type { NextApp } from './next-app';
import { NEXT_BIN, nextEnv } from './next-command';

/** What the build's route table says about a route: ○ Static, ● SSG, ◐ Partial Prerender, ƒ Dynamic. */
export type RouteMarker = '○' | '●' | '◐' | 'ƒ';

export interface BuildResult {
  output: string;
  durationMs: number;
}

/** Runs a real `next build` in the app folder. */
export async function nextBuild(app: Pick<NextApp, 'dir' | 'env'>): Promise<BuildResult> {
  return runProcess(process.execPath, [NEXT_BIN, 'build'], { cwd: app.dir, env: nextEnv(app), timeoutMs: 600_000 });
}

/** The route table's marker for `route` in the build log, if the route is listed. */
export function getRouteMarker(buildOutput: string, route: string): RouteMarker | undefined {
  const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^[┌├└│\\s]*([○●◐ƒ])\\s+${escaped}(?:\\s|$)`, 'mu').exec(buildOutput);
  return match?.[1] as RouteMarker | undefined;
}

export interface PrerenderedRoute {
  /** Whether `.next/prerender-manifest.json` lists the route as prerendered. */
  inManifest: boolean;
  /** The prerendered HTML in `.next/server/app`, if there is one. */
  html: string | undefined;
}

/** What the build left in `.next` for an App Router route. */
export function readPrerenderedRoute(app: NextApp, route: string): PrerenderedRoute {
  const manifest = JSON.parse(readFileSync(path.join(app.dir, '.next/prerender-manifest.json'), 'utf8')) as {
    routes: Record<string, unknown>;
  };
  const htmlPath = path.join(app.dir, '.next/server/app', `${route}.html`);
  return {
    inManifest: Object.hasOwn(manifest.routes, route),
    html: existsSync(htmlPath) ? readFileSync(htmlPath, 'utf8') : undefined,
  };
}

/** The body a route handler was prerendered with (`.next/server/app/<route>.body`), if any. */
export function readPrerenderedBody(app: NextApp, route: string): string | undefined {
  const bodyPath = path.join(app.dir, '.next/server/app', `${route}.body`);
  return existsSync(bodyPath) ? readFileSync(bodyPath, 'utf8') : undefined;
}
