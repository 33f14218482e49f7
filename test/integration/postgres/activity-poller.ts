import pg from 'pg';

export interface ActivityPoller {
  /** Stops polling (once; later calls get the same answer): the most sessions seen at once, and how many samples. */
  stop(): Promise<{ peak: number; samples: number }>;
}

/**
 * Polls pg_stat_activity for the sessions of one role, as a cross-check of the
 * proxy's count from the server's side. It connects as `adminUrl` before the
 * load starts, so (as a superuser) it keeps its slot when the role's run out.
 */
export async function startActivityPoller(adminUrl: string, user: string, intervalMs = 5): Promise<ActivityPoller> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let peak = 0;
  let samples = 0;
  let stopping = false;

  const loop = (async () => {
    while (!stopping) {
      const { rows } = await client.query<{ sessions: number }>(
        `SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE usename = $1 AND backend_type = 'client backend'`,
        [user],
      );
      peak = Math.max(peak, rows[0]?.sessions ?? 0);
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  // A failure surfaces from stop(); until then it must not count as unhandled.
  loop.catch(() => undefined);

  let stopped: Promise<{ peak: number; samples: number }> | undefined;
  return {
    stop() {
      stopping = true;
      stopped ??= loop.finally(() => client.end()).then(() => ({ peak, samples }));
      return stopped;
    },
  };
}
