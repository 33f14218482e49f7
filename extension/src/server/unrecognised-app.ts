import * as path from 'node:path';
import type { findUnrecognisedApp } from './app-recognition';

/** Says once per workspace folder that a file with database code is skipped because its app is not recognised. */
export class UnrecognisedAppNotice {
  private readonly told = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** `findApp` is `findUnrecognisedApp`, from the lint module: it loads the plugin, which the server loads lazily. */
  check(findApp: typeof findUnrecognisedApp, filePath: string, cwd: string, rootDir: readonly string[]): void {
    if (this.told.has(cwd)) return;
    const app = findApp(filePath, cwd, rootDir);
    if (app === undefined) return;
    this.told.add(cwd);
    const folder = path.relative(cwd, app) || '.';
    this.log(
      `${filePath} has database code but is in no Next.js app that next-db knows, so it is not checked. ` +
        `If "${folder}" is a Next.js app, add it to the setting next-db.next.rootDir (or give it a next.config.*).`,
    );
  }
}
