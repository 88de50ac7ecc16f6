// The write path (issue 17): postings created per second through the API by 16 concurrent writers for 5 s, on
// SQLite (one process) and on PostgreSQL with one and with three processes on the same database. Printed, never
// asserted. Run by server/bench/edge.sh (which starts PostgreSQL and sets KAKEHASHI_TEST_PG_ADMIN_URL).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client } from '../tests/api/harness.mjs';

const WRITERS = 16, SECONDS = 5;

function postgresDatabase() {
  const admin = process.env.KAKEHASHI_TEST_PG_ADMIN_URL;
  const name = `kh_bench_${Date.now()}`;
  const r = spawnSync('psql', [admin, '-q', '-c', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return admin.replace(/\/postgres$/, `/${name}`);
}

function body(i) {
  return {
    title: `書き込み計測 ${i}`, category: 'nurse', employment: 'spot', start_date: '2027-09-01', end_date: '2027-09-01',
    weekdays: [], full_time: false, night_duty: false, urgency: 'regular', positions: 1, duties: '計測', training_agreed: true,
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: '内神田2-1-1' },
    contact: { name: '計測 担当', phone: '03-0000-0000', email: 'bench@example.jp' }, masked: false, status: 'draft',
  };
}

async function run(label, db, processes) {
  const servers = [await startServer({ db, smtp: false })];
  for (let i = 1; i < processes; i++) servers.push(await startServer({ db, smtp: false, demo: false }));
  const clients = [];
  for (const s of servers) {
    const c = new Client(s.url);
    await c.login('fac-tokyo-01');
    clients.push(c);
  }
  let created = 0, failed = 0, n = 0;
  const end = Date.now() + SECONDS * 1000;
  const writer = async (w) => {
    const c = clients[w % clients.length];
    while (Date.now() < end) {
      const r = await c.post('/api/v1/postings', body(n++));
      if (r.status === 201) created++; else failed++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  const seconds = (Date.now() - started) / 1000;
  for (const s of servers) await s.stop();
  console.log(`${label.padEnd(40)} ${(created / seconds).toFixed(0).padStart(7)} postings/s${failed ? `  (${failed} refused)` : ''}`);
}

console.log(`# write path: ${WRITERS} concurrent writers, ${SECONDS} s each`);
await run('SQLite, 1 process', `sqlite:${join(mkdtempSync(join(tmpdir(), 'kh-bench-')), 'w.db')}`, 1);
await run('PostgreSQL, 1 process', postgresDatabase(), 1);
await run('PostgreSQL, 3 processes', postgresDatabase(), 3);
