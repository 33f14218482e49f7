import type { DatabaseInfo } from '../postgres/database-info';
import { markdownTable, writeReportSection } from '../report/readme-report';
import type { LoadMeasurement } from './measure-load';
import { formatErrorCodes, summarize } from './summarize';

const HEADER = [
  'Handler',
  'Version',
  'Requests',
  'Successes',
  'Peak connections (proxy)',
  'Peak sessions (pg_stat_activity)',
  'Connections opened',
  'Errors (SQLSTATE)',
  'Wall time',
];

/** The load tables of one test file: a row per measurement, a table per server. */
export class LoadReport {
  private readonly rows = new Map<DatabaseInfo, (string | number)[][]>();

  constructor(
    /** Report sections are named `<section>-<server source>`. */
    private readonly section: string,
    private readonly load: { requests: number; waves: number },
  ) {}

  record(database: DatabaseInfo, handler: string, version: string, measurement: LoadMeasurement): void {
    const totals = summarize(measurement);
    const rows = this.rows.get(database) ?? [];
    this.rows.set(database, rows);
    rows.push([
      handler,
      version,
      totals.requests,
      totals.successes,
      measurement.peakConnections,
      measurement.peakSessions,
      measurement.connectionsOpened,
      formatErrorCodes(totals.errorCodes),
      `${Math.round(totals.wallMs)} ms`,
    ]);
  }

  /** Prints each server's table and writes it into the report. */
  write(): void {
    for (const [database, rows] of this.rows) {
      const settings =
        `PostgreSQL ${database.serverVersion} (${database.source}), max_connections=${database.maxConnections}, ` +
        `superuser_reserved_connections=${database.superuserReservedConnections}, ` +
        `app role slots=${database.appSlots}; ` +
        `${this.load.waves} waves of ${this.load.requests} concurrent requests per handler instance, each running \`SELECT pg_sleep(0.05)\`.`;
      const table = markdownTable(HEADER, rows);
      console.log(`\n${settings}\n${table}\n`);
      writeReportSection(`${this.section}-${database.source}`, `${settings}\n\n${table}`);
    }
  }
}
