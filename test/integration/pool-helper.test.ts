/**
 * Issue 8, a pool built in another module: test/fixtures/pool-helper-app's
 * lib/db.ts `getPool()` returns `new Pool()` on every call, and two route
 * handlers call it. Under load PostgreSQL refuses connections (SQLSTATE
 * 53300); after `no-pool-in-handler`'s own suggestion is applied in lib/db.ts
 * (where it reports), both handlers together stay on at most 5 connections.
 */
import { describeHelperAppProof } from './handlers/helper-app-proof';

describeHelperAppProof({
  fixture: 'pool-helper-app',
  handlers: ['app/api/a/route.ts', 'app/api/b/route.ts'],
  creationText: 'new Pool(',
  name: 'pool-helper',
});
