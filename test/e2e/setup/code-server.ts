import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getFreePort } from '../../support/free-port';
import { isolatedHomeEnv } from './isolated-home';
import { CODE_SERVER_ENTRY, NODE24_BIN } from './paths';
import { spawnGroup, stopGroup } from './processes';
import { runCommand } from './run-command';

export interface CodeServer {
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

// Keeps the workbench quiet and predictable: nothing opens, updates or phones home on its own.
const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  // Typed code must land exactly as typed: no completion accepted by Enter or a commit character.
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnCommitCharacter': false,
  'editor.cursorBlinking': 'solid',
  // The example app has no node_modules, so the built-in TypeScript support would fill the
  // Problems view with "Cannot find module" errors; only next-db's diagnostics are under test.
  'typescript.validate.enable': false,
  'javascript.validate.enable': false,
};

function commonArgs(stateDir: string): string[] {
  return [
    '--user-data-dir', path.join(stateDir, 'user-data'),
    '--extensions-dir', path.join(stateDir, 'extensions'),
    '--config', path.join(stateDir, 'config.yaml'),
  ];
}

async function waitForHealthz(url: string, exited: Promise<unknown>, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  while (Date.now() < deadline && !hasExited) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const log = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`code-server ${hasExited ? 'exited' : 'did not answer /healthz'} before it was ready. Its log:\n${log}`);
}

/** Installs the VSIX into a fresh extensions dir and starts one code-server on a free port. */
export async function startCodeServer(stateDir: string, vsixPath: string): Promise<CodeServer> {
  // User data, extensions, XDG dirs and even HOME live under stateDir: nothing goes into the real home.
  const env = { ...process.env, ...isolatedHomeEnv(stateDir) };
  const args = commonArgs(stateDir);
  const userDir = path.join(stateDir, 'user-data/User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(QUIET_USER_SETTINGS, null, 2));
  writeFileSync(path.join(stateDir, 'config.yaml'), 'auth: none\ncert: false\n');

  await runCommand(NODE24_BIN, [CODE_SERVER_ENTRY, ...args, '--install-extension', vsixPath], { env, quiet: true });

  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(stateDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const child = spawnGroup(
    NODE24_BIN,
    [
      CODE_SERVER_ENTRY,
      ...args,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const pid = child.pid!;

  try {
    await waitForHealthz(url, exited, logFile);
  } catch (error) {
    await stopGroup(pid);
    throw error;
  }
  return { url, pid, logFile, stop: () => stopGroup(pid) };
}
