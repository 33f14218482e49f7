/**
 * Runs inside a child process bundled together with handler modules: one
 * process, one module instance each, like one warm serverless instance. It
 * calls the handlers N times at once per wave (in turns, when there are
 * several) and prints what happened.
 * Arguments: <kind> <requests per wave> <waves>.
 */
import { createPagesRequest, createRouteRequest, PagesResponse } from './requests';
import { RESULT_MARKER, type HandlerKind, type WaveResult } from './wave-result';

type Call = () => Promise<void>;

function hasTime(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'time' in body;
}

function pagesCall(handler: unknown): Call {
  if (typeof handler !== 'function') throw new Error('The Pages API module has no default export function');
  return async () => {
    const response = new PagesResponse();
    await handler(createPagesRequest('/api/users'), response);
    if (!response.finished || response.statusCode !== 200 || !hasTime(JSON.parse(String(response.body)))) {
      throw Object.assign(new Error(`Unexpected response ${response.statusCode}: ${String(response.body)}`), { code: 'BAD_RESPONSE' });
    }
  };
}

function routeCall(handler: unknown): Call {
  if (typeof handler !== 'function') throw new Error('The route module exports no GET function');
  return async () => {
    const response = (await handler(createRouteRequest('/api/users'))) as Response;
    if (response.status !== 200 || !hasTime(await response.json())) {
      throw Object.assign(new Error(`Unexpected response ${response.status}`), { code: 'BAD_RESPONSE' });
    }
  };
}

/**
 * SQLSTATE for server errors, else the error's code or name. An ORM may wrap
 * the driver's error (Drizzle's "Failed query" error keeps it as `cause`): the
 * code is looked for there too.
 */
export function errorCode(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  if (cause instanceof Error) return errorCode(cause);
  return error instanceof Error ? error.name : 'UNKNOWN';
}

async function runWave(calls: readonly Call[], requests: number): Promise<WaveResult> {
  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: requests }, (_, index) => calls[index % calls.length]!()));
  const errorCodes: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') {
      const code = errorCode(outcome.reason);
      errorCodes[code] = (errorCodes[code] ?? 0) + 1;
    }
  }
  return {
    requests,
    successes: outcomes.filter((outcome) => outcome.status === 'fulfilled').length,
    errorCodes,
    wallMs: performance.now() - started,
  };
}

export async function runInstance(handlerModules: readonly Record<string, unknown>[]): Promise<void> {
  const [kind, requests, waves] = process.argv.slice(2) as [HandlerKind, string, string];
  const calls = handlerModules.map((handlerModule) => (kind === 'pages-api' ? pagesCall(handlerModule.default) : routeCall(handlerModule.GET)));
  const results: WaveResult[] = [];
  for (let wave = 0; wave < Number(waves); wave += 1) results.push(await runWave(calls, Number(requests)));
  // Exit at once: a hoisted pool would keep idle connections (and the process) alive.
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(results)}\n`, () => process.exit(0));
}
