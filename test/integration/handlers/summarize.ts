import type { LoadMeasurement } from './measure-load';

/** Totals over all waves of a measurement, for assertions and the table. */
export function summarize(measurement: LoadMeasurement) {
  const errorCodes: Record<string, number> = {};
  for (const wave of measurement.waves) {
    for (const [code, count] of Object.entries(wave.errorCodes)) errorCodes[code] = (errorCodes[code] ?? 0) + count;
  }
  return {
    requests: measurement.waves.reduce((sum, wave) => sum + wave.requests, 0),
    successes: measurement.waves.reduce((sum, wave) => sum + wave.successes, 0),
    errorCodes,
    wallMs: measurement.waves.reduce((sum, wave) => sum + wave.wallMs, 0),
  };
}

/** `53300 ×34, BAD_RESPONSE ×1`, or `none`. */
export function formatErrorCodes(errorCodes: Record<string, number>): string {
  const entries = Object.entries(errorCodes);
  return entries.length === 0 ? 'none' : entries.map(([code, count]) => `${code} ×${count}`).join(', ');
}
