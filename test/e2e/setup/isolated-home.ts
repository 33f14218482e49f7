import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * HOME, the XDG base dirs and TMPDIR pointed into `stateDir`, so a process started by the tests
 * writes nothing into the real home directory, and shares no temp files (sockets, Node's compile
 * cache) with another run: the first server start of a run really is a first start.
 */
export function isolatedHomeEnv(stateDir: string): Record<string, string> {
  const dir = (name: string) => {
    const full = path.join(stateDir, name);
    mkdirSync(full, { recursive: true });
    return full;
  };
  return {
    HOME: dir('home'),
    XDG_CONFIG_HOME: dir('xdg-config'),
    XDG_DATA_HOME: dir('xdg-data'),
    XDG_CACHE_HOME: dir('xdg-cache'),
    XDG_STATE_HOME: dir('xdg-state'),
    TMPDIR: dir('tmp'),
  };
}
