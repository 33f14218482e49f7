/** What one wave of concurrent requests against one handler instance gave. */
export interface WaveResult {
  requests: number;
  successes: number;
  /** Failed requests by error code (SQLSTATE for server errors). */
  errorCodes: Record<string, number>;
  wallMs: number;
}

/** One call of a sequential run: `ok`, the error code (or message) it failed with, or `TIMEOUT` when still waiting at the time limit. */
export interface SequentialCall {
  outcome: string;
  ms: number;
}

export type HandlerKind = 'pages-api' | 'route-handler';

/** Marks the line where the instance prints its results. */
export const RESULT_MARKER = '@@next-db-results@@';
