/**
 * Last-resort cleanup for what the integration tests start: servers and temp
 * folders must not outlive the test process, even when it is interrupted.
 * Each callback must be synchronous (an `exit` handler cannot wait).
 */
const cleanups = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Keep going: the other cleanups matter just as much.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', runAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      runAll();
      // Without other listeners the signal's default action (exit) must still happen.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** Registers a synchronous cleanup; call the returned function once it is done normally. */
export function onExitCleanup(cleanup: () => void): () => void {
  install();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}
