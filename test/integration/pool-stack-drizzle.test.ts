/**
 * Drizzle over node-postgres: test/fixtures/pool-stacks/drizzle's lib/db.ts
 * `getDb()` returns `drizzle(process.env.DATABASE_URL!)`, which opens a new
 * node-postgres pool on every call, and two route handlers call it. Under
 * load PostgreSQL refuses connections (SQLSTATE 53300); after
 * `no-pool-in-handler`'s own suggestion (one `drizzle({ connection: { ..., max: 5 } })`
 * at module scope), both handlers together stay on at most 5 connections.
 */
import { describeHelperAppProof } from './handlers/helper-app-proof';

describeHelperAppProof({
  fixture: 'pool-stacks/drizzle',
  handlers: ['app/api/a/route.ts', 'app/api/b/route.ts'],
  creationText: 'drizzle(process.env',
  name: 'pool-stack-drizzle',
});
