import { CountingProxy } from '../net/counting-proxy';
import { startActivityPoller } from '../postgres/activity-poller';
import type { DatabaseInfo } from '../postgres/database-info';
import { runHandlerInstance } from './handler-instance';
import type { HandlerKind, WaveResult } from './wave-result';

export interface LoadMeasurement extends ConnectionCounts {
  waves: WaveResult[];
}

/** Connection counts taken while some code ran against PostgreSQL. */
export interface ConnectionCounts {
  /** Most TCP connections open at once through the proxy. */
  peakConnections: number;
  /** TCP connections opened in total. */
  connectionsOpened: number;
  /** Most sessions of the app role pg_stat_activity showed at once. */
  peakSessions: number;
  activitySamples: number;
}

/**
 * Runs `run` with a database URL that goes through a counting proxy to the
 * app role, while pg_stat_activity is polled, and returns both counts with
 * what `run` returned.
 */
export async function withCountedConnections<T>(
  database: DatabaseInfo,
  run: (databaseUrl: string) => Promise<T>,
): Promise<{ result: T; counts: ConnectionCounts }> {
  const target = new URL(database.appUrl);
  const proxy = await CountingProxy.start(target.hostname, Number(target.port || 5432));
  const poller = await startActivityPoller(database.adminUrl, database.appUser);
  try {
    const throughProxy = new URL(database.appUrl);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    const result = await run(throughProxy.toString());
    const activity = await poller.stop();
    return {
      result,
      counts: {
        peakConnections: proxy.peak,
        connectionsOpened: proxy.opened,
        peakSessions: activity.peak,
        activitySamples: activity.samples,
      },
    };
  } finally {
    await poller.stop().catch(() => undefined);
    await proxy.close();
  }
}

/**
 * Runs a bundled handler instance against PostgreSQL through a counting proxy,
 * while pg_stat_activity is polled, and returns both counts with the results.
 */
export async function measureLoad(
  bundle: string,
  kind: HandlerKind,
  database: DatabaseInfo,
  load: { requests: number; waves: number },
): Promise<LoadMeasurement> {
  const { result, counts } = await withCountedConnections(database, (databaseUrl) =>
    runHandlerInstance(bundle, { kind, ...load, databaseUrl }),
  );
  return { waves: result, ...counts };
}
