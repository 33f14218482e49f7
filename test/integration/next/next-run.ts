import { createScratchDir } from '../paths';
import { markdownTable, writeReportSection } from '../report/readme-report';
import type { NextApp } from './next-app';
import { nextBuild, type BuildResult } from './next-build';
import { startNextServer, type NextServer } from './next-server';

export interface NextRun {
  /** The run's scratch folder (inside the repository). */
  dir: string;
  /** `next build` of `app`, logged with its wall time under `label`. */
  build(app: Pick<NextApp, 'dir' | 'env'>, label: string): Promise<BuildResult>;
  /** `next start` of a built app; stopped by `finish` if the test does not stop it. */
  serve(app: NextApp): Promise<NextServer>;
  /** Stops the servers, removes the scratch folder and prints the build times (also into the report's `reportSection`). */
  finish(reportSection: string): Promise<void>;
}

/** What an integration test that builds and serves real Next.js apps keeps for its cleanup and report. */
export function createNextRun(name: string): NextRun {
  const scratch = createScratchDir(name);
  const servers: NextServer[] = [];
  const buildTimes: [string, number][] = [];
  return {
    dir: scratch.dir,
    async build(app, label) {
      const build = await nextBuild(app);
      buildTimes.push([label, build.durationMs]);
      console.log(`next build (${label}) took ${(build.durationMs / 1000).toFixed(1)} s\n${build.output}`);
      return build;
    },
    async serve(app) {
      const server = await startNextServer(app);
      servers.push(server);
      return server;
    },
    async finish(reportSection) {
      await Promise.all(servers.map((server) => server.stop()));
      scratch.remove();
      if (buildTimes.length === 0) return;
      const table = markdownTable(
        ['Build', 'Wall time'],
        buildTimes.map(([build, ms]) => [build, `${(ms / 1000).toFixed(1)} s`]),
      );
      console.log(`\nnext build times (2 cores):\n${table}\n`);
      writeReportSection(reportSection, table);
    },
  };
}
