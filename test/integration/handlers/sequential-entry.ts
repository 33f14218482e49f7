/**
 * Runs inside a child process bundled together with one route handler module:
 * calls its GET one request at a time, each with a time limit, and prints what
 * each call gave: `ok`, the error's code (SQLSTATE), or its message. A call still waiting at its limit ends the run, since every
 * later one would wait behind it. Arguments: <requests> <time limit in ms>.
 */
import { errorCode } from './instance-entry';
import { createRouteRequest } from './requests';
import { RESULT_MARKER, type SequentialCall } from './wave-result';

async function callOnce(handler: (request: Request) => Promise<Response>): Promise<string> {
  try {
    const response = await handler(createRouteRequest('/api/orders'));
    return response.status === 200 ? 'ok' : `HTTP ${response.status}`;
  } catch (error) {
    // A driver's own errors without a code (pg: "Cannot use a pool after calling end on the pool") by their message.
    const code = errorCode(error);
    return code === 'Error' && error instanceof Error ? error.message : code;
  }
}

/** Takes the bundled modules as the load runner does (instance-entry.ts), and calls the first one's GET. */
export async function runInstance(handlerModules: readonly Record<string, unknown>[]): Promise<void> {
  const [requests, timeLimitMs] = process.argv.slice(2).map(Number) as [number, number];
  const handler = handlerModules[0]?.GET;
  if (typeof handler !== 'function') throw new Error('The route module exports no GET function');
  const calls: SequentialCall[] = [];
  for (let index = 0; index < requests; index += 1) {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('TIMEOUT'), timeLimitMs);
    });
    const outcome = await Promise.race([callOnce(handler as (request: Request) => Promise<Response>), timedOut]);
    clearTimeout(timer);
    calls.push({ outcome, ms: Math.round(performance.now() - started) });
    if (outcome === 'TIMEOUT') break;
  }
  // Exit at once: leaked clients (and a waiting checkout) would keep the process alive.
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(calls)}\n`, () => process.exit(0));
}
