import { afterAll, beforeAll, vi } from 'vitest';
import { EPOCH_MS } from '../../eslint-plugin/src/project/epoch';

/**
 * Lets a test pass the project model's epoch without waiting it out: the
 * model reads `performance.now()`, which runs ahead by however much the
 * test has passed. The rest of the clock (file times, `Date.now()`) is real.
 * Returns `passEpoch()`.
 */
export function useEpochClock(): () => void {
  let ahead = 0;
  beforeAll(() => {
    const realNow = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => realNow() + ahead);
  });
  afterAll(() => vi.restoreAllMocks());
  return () => {
    ahead += EPOCH_MS + 1;
  };
}
