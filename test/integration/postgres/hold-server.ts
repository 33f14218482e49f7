/**
 * A process that starts a throwaway PostgreSQL (argv[2]: debian | embedded),
 * prints its data directory and waits to be killed. The tests kill it to
 * prove the exit handlers leave no server or temp folder behind.
 */
import pg from 'pg';
import { startPostgres } from './start-postgres';

const server = await startPostgres(process.argv[2]);
const client = new pg.Client({ connectionString: server.superuserUrl });
await client.connect();
const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
await client.end();
console.log(JSON.stringify({ dataDirectory: rows[0]?.data_directory }));
setInterval(() => undefined, 60_000);
