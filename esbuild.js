// Bundles the extension's client and server (with the plugin, ESLint's Linter
// and the typescript-eslint parser inside) into dist/, as CommonJS for Node.
//   node esbuild.js               development build with source maps
//   node esbuild.js --production  minified, no source maps (what the VSIX ships)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --outdir=DIR  write somewhere else than dist/ (tests build their own copy)
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';

/** Prints build results in the format VS Code's esbuild problem matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

async function main() {
  const context = await esbuild.context({
    entryPoints: {
      client: 'extension/src/client/extension.ts',
      // A small entry that turns on Node's compile cache, then loads the server itself.
      server: 'extension/src/server/start.ts',
      'server-main': 'extension/src/server/server.ts',
    },
    absWorkingDir: __dirname,
    outdir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    // `vscode` is provided by the editor at run time.
    external: ['vscode'],
    // Prefer the CommonJS builds, which is what Node itself would load.
    mainFields: ['main', 'module'],
    // jsonc-parser's CommonJS build is UMD, whose dynamic requires a bundle cannot follow.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
    logOverride: {
      // typescript.js guards its optional requires; they are never taken in the server.
      'require-resolve-not-external': 'silent',
    },
    plugins: watch ? [problemMatcherPlugin] : [],
  });
  if (watch) {
    await context.watch();
  } else {
    await context.rebuild();
    await context.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
