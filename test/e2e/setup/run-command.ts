import { spawn, type SpawnOptions } from 'node:child_process';

/** Runs a command to completion with its output shown, and throws with the exit code if it fails. */
export function runCommand(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed with ${signal ?? `exit code ${code}`}`));
    });
  });
}
