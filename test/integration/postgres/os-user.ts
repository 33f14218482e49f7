import { execFileSync } from 'node:child_process';

export interface OsUser {
  uid: number;
  gid: number;
}

function lookUp(name: string): OsUser | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root. When the tests run as root, the server
 * runs as the `postgres` OS user, created (as a system user) if missing.
 * Returns undefined when not root: the server then runs as the current user.
 */
export function getPostgresOsUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookUp('postgres');
  if (existing) return existing;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'pipe' });
  } catch (error) {
    // Another test run on this machine may have created it in between.
    if (lookUp('postgres') === undefined) throw error;
  }
  const created = lookUp('postgres');
  if (!created) throw new Error('Could not create the `postgres` OS user that PostgreSQL needs when the tests run as root.');
  return created;
}
