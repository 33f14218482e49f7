import { expect } from 'vitest';
import type { DatabaseInfo } from '../postgres/database-info';
import type { LoadMeasurement } from './measure-load';
import { summarize } from './summarize';

/** A pool (and a connection) per request: PostgreSQL refuses some with SQLSTATE 53300. */
export function expectExhausted(measurement: LoadMeasurement, database: DatabaseInfo): void {
  const totals = summarize(measurement);
  expect(totals.errorCodes['53300'], JSON.stringify(measurement)).toBeGreaterThan(0);
  expect(totals.successes).toBeLessThan(totals.requests);
  // More sockets at once than the role has slots: a pool, and a connection, per request.
  expect(measurement.peakConnections).toBeGreaterThan(database.appSlots);
  expect(measurement.peakSessions).toBeLessThanOrEqual(database.appSlots);
}

/** One shared pool of `poolMax`: every request succeeds, never on more connections. */
export function expectPooled(measurement: LoadMeasurement, poolMax: number): void {
  const totals = summarize(measurement);
  expect(totals.errorCodes).toEqual({});
  expect(totals.successes).toBe(totals.requests);
  expect(measurement.peakConnections).toBeGreaterThan(0);
  expect(measurement.peakConnections).toBeLessThanOrEqual(poolMax);
  expect(measurement.peakSessions).toBeLessThanOrEqual(poolMax);
  // The second wave reuses the first wave's connections.
  expect(measurement.connectionsOpened).toBeLessThanOrEqual(poolMax);
}
