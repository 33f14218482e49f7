import { spawn, type SpawnOptions } from 'node:child_process';

/**
 * Runs a command to completion and throws with its exit code if it fails. Output is shown
 * as it comes, or with `quiet` kept back and included in the error only if it fails.
 */
export function runCommand(command: string, args: string[], options: SpawnOptions & { quiet?: boolean } = {}): Promise<void> {
  const { quiet = false, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...spawnOptions, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      const outcome = signal ?? `exit code ${code}`;
      reject(new Error(`\`${command} ${args.join(' ')}\` failed with ${outcome}${output ? `:\n${output}` : ''}`));
    });
  });
}
