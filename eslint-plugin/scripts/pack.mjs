// Packs the plugin into a tarball users can install before it is published.
// Usage: node eslint-plugin/scripts/pack.mjs [destination folder] (default: the repository root).
// Prints the tarball's absolute path on stdout, and how to install it on stderr.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const pluginDir = fileURLToPath(new URL('..', import.meta.url));
const destination = path.resolve(process.argv[2] ?? path.join(pluginDir, '..'));
const { name, version } = JSON.parse(fs.readFileSync(path.join(pluginDir, 'package.json'), 'utf8'));

fs.mkdirSync(destination, { recursive: true });
// The prepack script builds dist/ first; its output goes to stderr so stdout stays the path alone.
execFileSync('npm', ['pack', '--pack-destination', destination], { cwd: pluginDir, stdio: ['ignore', process.stderr, 'inherit'] });

const tarball = path.join(destination, `${name}-${version}.tgz`);
if (!fs.existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);
process.stderr.write(`\nInstall it in your Next.js app with:\n  npm install --save-dev ${tarball}\n\n`);
process.stdout.write(`${tarball}\n`);
