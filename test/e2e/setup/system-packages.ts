import { existsSync } from 'node:fs';
import { runCommand } from './run-command';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian packages the E2E run needs, each with a cheap check that it is installed. */
const SYSTEM_PACKAGES = {
  // Playwright's own browser download is unreachable here; Debian's Chromium works.
  chromium: () => existsSync(CHROMIUM_PATH),
  // Needed only while building the host's native modules (node-pty, argon2, kerberos, spdlog).
  'libkrb5-dev': () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h'),
  'g++': () => existsSync('/usr/bin/g++'),
  make: () => existsSync('/usr/bin/make'),
  python3: () => existsSync('/usr/bin/python3'),
} as const;

export type SystemPackage = keyof typeof SYSTEM_PACKAGES;

/**
 * Makes sure the given apt packages are installed: installs them when running as root,
 * and otherwise fails with the exact command to run. Never skips.
 */
export async function ensureSystemPackages(packages: SystemPackage[]): Promise<void> {
  const missing = packages.filter((name) => !SYSTEM_PACKAGES[name]());
  if (missing.length === 0) return;

  const install = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`The E2E tests need ${missing.join(', ')}. Install them with:\n  sudo sh -c '${install}'`);
  }

  console.log(`[e2e] installing ${missing.join(', ')} with apt`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another test run (or anything else) may hold apt's lock: wait for it rather than fail.
  const waitForLock = ['-o', 'DPkg::Lock::Timeout=600'];
  await runCommand('apt-get', [...waitForLock, 'update'], { env });
  await runCommand('apt-get', [...waitForLock, 'install', '-y', ...missing], { env });

  const stillMissing = missing.filter((name) => !SYSTEM_PACKAGES[name]());
  if (stillMissing.length > 0) throw new Error(`apt did not install ${stillMissing.join(', ')}; run: ${install}`);
}
