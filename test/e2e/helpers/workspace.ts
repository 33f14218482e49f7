import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { EXAMPLE_APP_DIR } from '../setup/paths';

/** A scenario's own copy of the example Next.js app, so no scenario sees another's edits. */
export interface Workspace {
  dir: string;
  read(relativePath: string): string;
  write(relativePath: string, text: string): void;
}

export function createWorkspace(name: string): Workspace {
  const dir = path.join(inject('workspacesDir'), name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXAMPLE_APP_DIR, dir, { recursive: true });
  return {
    dir,
    read: (relativePath) => readFileSync(path.join(dir, relativePath), 'utf8'),
    write(relativePath, text) {
      mkdirSync(path.dirname(path.join(dir, relativePath)), { recursive: true });
      writeFileSync(path.join(dir, relativePath), text);
    },
  };
}
