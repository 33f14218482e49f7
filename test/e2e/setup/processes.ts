import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

// Every process group this run started, so they can be ended even if teardown never runs.
const startedGroups = new Set<number>();

/**
 * Starts a long-running process as the leader of its own process group, so that it and
 * the children it forks (code-server's extension hosts, for example) can be ended together
 * by its PID alone, without touching anything this run did not start.
 */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) {
    startedGroups.add(child.pid);
    child.once('exit', () => startedGroups.delete(child.pid!));
  }
  return child;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function isGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ends a group started by spawnGroup: SIGTERM, then SIGKILL for whatever is left after a grace period. */
export async function stopGroup(pid: number, graceMs = 5_000): Promise<void> {
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isGroupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isGroupAlive(pid)) signalGroup(pid, 'SIGKILL');
  startedGroups.delete(pid);
}

// Last resort when vitest exits without running teardown (Ctrl+C, a crash).
process.once('exit', () => {
  for (const pid of startedGroups) signalGroup(pid, 'SIGKILL');
});
