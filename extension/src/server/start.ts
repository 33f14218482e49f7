/**
 * The server's entry point (dist/server.js). It turns on Node's compile cache
 * (Node 22.1 and later) and then loads the server bundle, so that later starts
 * skip compiling its megabytes of JavaScript. The bundle is a file of its own
 * because the cache only covers modules loaded after it is turned on.
 */
import * as nodeModule from 'node:module';
import * as path from 'node:path';

const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
try {
  enableCompileCache?.();
} catch {
  // An unwritable cache folder costs speed only.
}
require(path.join(__dirname, 'server-main.js'));
