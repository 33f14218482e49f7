import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { onExitCleanup } from './exit-cleanup';
import { OutputTail } from './output-tail';

export interface StartedProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr, interleaved (the last part). */
  output: OutputTail;
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  exited: Promise<number | string>;
  /** Kills it by PID (SIGTERM, then SIGKILL) and waits for the exit. */
  stop(): Promise<void>;
}

/** Spawns a child process that is killed by PID when the test process exits, whatever happens. */
export function startProcess(command: string, args: readonly string[], options: SpawnOptions = {}): StartedProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputTail(64_000);
  output.follow(child.stdout);
  output.follow(child.stderr);
  const removeExitCleanup = onExitCleanup(() => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('error', (error) => {
      output.append(`\n${String(error)}\n`);
      resolve(-1);
    });
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  void exited.then(removeExitCleanup);

  return {
    child,
    output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Runs a command to the end; fails with its output when it exits non-zero or takes longer than `timeoutMs`. */
export async function runProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeoutMs: number },
): Promise<{ output: string; durationMs: number }> {
  const started = performance.now();
  const running = startProcess(command, args, options);
  const timer = setTimeout(() => {
    running.output.append(`\n[killed after ${options.timeoutMs} ms]\n`);
    void running.stop();
  }, options.timeoutMs);
  const code = await running.exited;
  clearTimeout(timer);
  const output = running.output.toString();
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`);
  return { output, durationMs: performance.now() - started };
}
