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

/**
 * The server's `import('./lint')` stays a require of dist/lint.js, a bundle of its own: the server
 * answers `initialize` before it reads those megabytes (ESLint, the parser, TypeScript).
 */
const lintBundlePlugin = {
  name: 'lint-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/lint$/, namespace: 'file' }, (args) =>
      args.kind === 'dynamic-import' ? { path: './lint.js', external: true } : undefined,
    );
  },
};

/** Fails the build when TypeScript creeps back into the server's own bundle (it belongs in dist/lint.js). */
function checkServerMainIsSmall(metafile) {
  const [name, output] = Object.entries(metafile.outputs).find(([file]) => file.endsWith('server-main.js'));
  const heavy = Object.keys(output.inputs).filter((input) => /node_modules\/(typescript|eslint|@typescript-eslint\/typescript-estree)\//.test(input));
  if (heavy.length > 0) throw new Error(`${name} must not bundle ${heavy[0]}: reach it through import('./lint') instead`);
}

async function main() {
  const context = await esbuild.context({
    entryPoints: {
      client: 'extension/src/client/extension.ts',
      // A small entry that turns on Node's compile cache, then loads the server itself.
      server: 'extension/src/server/start.ts',
      'server-main': 'extension/src/server/server.ts',
      lint: 'extension/src/server/lint.ts',
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
    metafile: true,
    // import() becomes require(): one module loader (CommonJS), and the compile cache covers it on every Node.
    supported: { 'dynamic-import': false },
    plugins: watch ? [lintBundlePlugin, problemMatcherPlugin] : [lintBundlePlugin],
  });
  if (watch) {
    await context.watch();
  } else {
    const result = await context.rebuild();
    await context.dispose();
    checkServerMainIsSmall(result.metafile);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
