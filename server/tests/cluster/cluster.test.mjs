// Three `kakehashi serve` processes on one PostgreSQL behind Debian's nginx (deploy/nginx/kakehashi.conf, the file
// docs/operations.md tells operators to use), round-robin and no sticky sessions (issue 17):
// - two browsers hold an online interview through nginx while their pages, streams and signals are spread over
//   the processes;
// - a facility posts through one process, a seeker's live stream on another gets the notice, a coordinator on
//   the third sees the queue item;
// - `kill -9` of one process during a burst of writes loses no acknowledged write, and nginx routes around it;
// - a PostgreSQL restart while serving: 503 with a Japanese message during the outage (no crash, no hang), every
//   process recovers by itself, and a stream that reconnects with Last-Event-ID gets the notice it missed.
// Speed is printed, not asserted: it belongs to server/bench/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, runCli, freshDatabase, uniqueEmail, DB_KIND } from '../api/harness.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const PASSWORD = 'Cluster2026pw';
let db, processes = [], nginx, nginxUrl, nginxDir;

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The process (its address) that answered, as nginx reports it in the test's X-Upstream header. */
const upstreamOf = (res) => res.headers.get('x-upstream');

/** Starts nginx with the shipped site configuration in front of the given processes. */
async function startNginx(port, backends) {
  nginxDir = mkdtempSync(join(tmpdir(), 'kh-nginx-'));
  chmodSync(nginxDir, 0o755);
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(nginxDir, d));
  const site = readFileSync(join(ROOT, 'deploy/nginx/kakehashi.conf'), 'utf8')
    .replace('@UPSTREAMS@', backends.map((b) => `server ${b.replace('http://', '')} max_fails=1 fail_timeout=5s;`).join('\n  '))
    .replace('@LISTEN@', `127.0.0.1:${port}`);
  writeFileSync(join(nginxDir, 'kakehashi.conf'), site);
  // The test's own wrapper: temporary paths, and which process answered each request (X-Upstream).
  writeFileSync(join(nginxDir, 'nginx.conf'), `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${nginxDir}/body;
  proxy_temp_path ${nginxDir}/proxy;
  fastcgi_temp_path ${nginxDir}/fastcgi;
  uwsgi_temp_path ${nginxDir}/uwsgi;
  scgi_temp_path ${nginxDir}/scgi;
  add_header X-Upstream $upstream_addr always;
  include ${nginxDir}/kakehashi.conf;
}
`);
  const child = spawn('nginx', ['-p', nginxDir, '-e', join(nginxDir, 'error.log'), '-c', join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${url}/api/v1/health`)).status === 200) return { child, url }; } catch { /* not yet */ }
    await sleep(100);
  }
  throw new Error(`nginx did not start: ${readFileSync(join(nginxDir, 'error.log'), 'utf8')}`);
}

/** pg_ctl on the test's PostgreSQL (scripts/test-services.sh exports where it lives), as its owner. */
function pgCtl(...args) {
  const bin = '/usr/lib/postgresql/15/bin/pg_ctl';
  const cmd = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', bin, ...args] : [bin, ...args];
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  assert.equal(r.status, 0, `pg_ctl ${args.at(-1)}: ${r.stderr}${r.stdout}`);
}

/** The live event stream of `client` through `base`, collecting the raw text. */
async function openStream(base, client, headers = {}) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/events`, {
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...headers }, signal: controller.signal,
  });
  assert.equal(res.status, 200);
  const s = { text: '', upstream: upstreamOf(res), close: () => controller.abort() };
  const reader = res.body.getReader();
  (async () => { try { for (;;) { const { value, done } = await reader.read(); if (done) return; s.text += new TextDecoder().decode(value); } } catch { /* aborted */ } })();
  return s;
}

async function waitFor(what, check, { tries = 300, every = 20 } = {}) {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v) return v;
    await sleep(every);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Sends idempotent health checks until `upstream` answered the last one: round-robin then moves to the next. */
async function rotatePast(upstream) {
  await waitFor(`a request served by ${upstream}`, async () => upstreamOf(await fetch(`${nginxUrl}/api/v1/health`)) === upstream);
}

function jstDate(daysAhead) {
  return new Date(Date.now() + daysAhead * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
}

function postingBody(title, { urgency = 'regular', status = 'published', start = jstDate(7) } = {}) {
  return {
    title, category: 'nurse', employment: 'spot', start_date: start, end_date: start, weekdays: [],
    full_time: false, night_duty: false, urgency, positions: 1, duties: '健診の応援', training_agreed: true,
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: '内神田2-1-1' },
    contact: { name: '採用 担当', phone: '03-0000-0000', email: 'cluster@example.jp' }, masked: false, status,
  };
}

async function newSeeker(name) {
  const email = uniqueEmail('cluster');
  assert.equal(runCli(['user', 'add', '--db', db, '--login', email, '--password', PASSWORD, '--role', 'seeker', '--name', name]).status, 0);
  const seeker = new Client(nginxUrl);
  await seeker.login(email, PASSWORD);
  const profile = await seeker.put('/api/v1/me/profile', {
    name, categories: ['nurse'], employment: ['spot'], available_from: jstDate(0), prefectures: ['13'], notify: 'off',
  });
  assert.equal(profile.status, 200, profile.text);
  return seeker;
}

before(async () => {
  assert.equal(DB_KIND, 'postgres', 'the cluster test runs on PostgreSQL (KAKEHASHI_TEST_DB=postgres)');
  assert.ok(process.env.PG_DIR && process.env.PG_PORT, 'PG_DIR and PG_PORT come from scripts/test-services.sh');
  db = freshDatabase();
  const port = await freePort();
  nginxUrl = `http://127.0.0.1:${port}`;
  // As the demo runs: the web app, the demo's sent-mail page (mails stay in the outbox), links to nginx's address.
  const options = { db, smtp: false, webRoot: join(ROOT, 'web/dist'), publicUrl: nginxUrl, extra: ['--demo', '--trust-proxy', 'true'] };
  processes.push(await startServer({ ...options, demo: true }));
  processes.push(await startServer({ ...options, demo: false }));
  processes.push(await startServer({ ...options, demo: false }));
  nginx = await startNginx(port, processes.map((p) => p.url));
});

after(async () => {
  nginx?.child.kill('SIGTERM');
  for (const p of processes) await p.stop();
  if (nginxDir) rmSync(nginxDir, { recursive: true, force: true });
});

test('two browsers hold an online interview through nginx, their requests spread over the three processes', { timeout: 900_000 }, async () => {
  const before = processes.map((p) => p.log.length);
  // Asynchronously: the servers' logs must keep flowing (a full pipe would stop them) while the browsers run.
  // Without NODE_TEST_CONTEXT, or node:test takes the child for a nested run of ours and skips the file.
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  const child = spawn('node', ['--test', '--test-concurrency=1', 'e2e/tests/application_coordination.test.mjs'], {
    cwd: ROOT, env: { ...env, KAKEHASHI_URL: nginxUrl, KAKEHASHI_E2E_REQUIRE_DEMO_MAILS: '1' },
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const status = await new Promise((resolve) => child.on('exit', resolve));
  assert.equal(status, 0, `the browser flow through nginx failed:\n${output.slice(-8000)}`);
  assert.match(output, /^# pass [1-9]/m, output.slice(-2000));
  assert.match(output, /^# fail 0$/m);
  // Each process logs the requests it answered: the call's signals and the event streams went to several of them.
  const served = (path) => processes.filter((p, i) => p.log.slice(before[i]).some((line) => line.includes(path))).length;
  const signals = served('/signal"'), streams = served('"/api/v1/events"');
  console.log(`# the interview's signals were answered by ${signals} processes, event streams by ${streams}`);
  assert.ok(signals >= 2, 'the signals of the call crossed processes');
  assert.ok(streams >= 2, 'the two pages held their streams on different processes');
});

let seeker, facility;

test('a posting made through one process reaches a seeker’s stream on another and a coordinator’s queue on the third', async () => {
  seeker = await newSeeker('クラスタ 確認');
  facility = new Client(nginxUrl);
  await facility.login('fac-tokyo-01');
  const coordinator = new Client(nginxUrl);
  await coordinator.login('coord-nurse-13');

  const stream = await openStream(nginxUrl, seeker);
  await waitFor('the stream to be ready', () => stream.text.includes('event: ready'));
  await rotatePast(stream.upstream);
  const title = `クラスタ急募 ${Date.now()}`;
  const started = Date.now();
  const created = await facility.post('/api/v1/postings', postingBody(title, { urgency: 'immediate', start: jstDate(2) }));
  assert.equal(created.status, 201, created.text);
  const writer = upstreamOf(created);
  assert.notEqual(writer, stream.upstream, 'the write and the stream are on different processes');

  await waitFor('the live notice on the other process', () => stream.text.includes(title), { tries: 500 });
  const liveMs = Date.now() - started;
  stream.close();

  let queueMs = null, third = null;
  await waitFor('the queue item on the third process', async () => {
    const q = await coordinator.get('/api/v1/coordination/queue');
    assert.equal(q.status, 200, q.text);
    const item = q.json.urgent_without_candidates.find((i) => i.posting_id === created.json.id);
    const by = upstreamOf(q);
    if (item && by !== writer && by !== stream.upstream && item.matching_seekers >= 1) {
      queueMs = Date.now() - started;
      third = by;
      return true;
    }
    return false;
  });
  assert.equal(new Set([writer, stream.upstream, third]).size, 3);
  console.log(`# live notice on another process after ${liveMs} ms; queue item with its matching seeker on the third after ${queueMs} ms`);
});

test('kill -9 of a process during a burst of writes loses no acknowledged write; nginx routes around it', { timeout: 120_000 }, async () => {
  assert.ok(facility, 'the previous test logged the facility in');
  const acknowledged = [], failures = [];
  let next = 0;
  const victim = processes[1];
  const worker = async () => {
    while (next < 80) {
      const i = next++;
      try {
        const r = await facility.post('/api/v1/postings', postingBody(`書き込み確認 ${i}`, { status: 'draft' }));
        if (r.status === 201) acknowledged.push({ i, id: r.json.id, title: r.json.title });
        else failures.push({ i, status: r.status });
      } catch (e) {
        failures.push({ i, status: String(e) });
      }
    }
  };
  const workers = [worker(), worker(), worker(), worker()];
  await waitFor('some writes before the kill', () => acknowledged.length >= 12, { tries: 1000, every: 5 });
  const killedAt = next;
  const exited = await victim.kill();
  assert.equal(exited.signal, 'SIGKILL');
  await Promise.all(workers);
  console.log(`# killed after ${killedAt} writes started; ${acknowledged.length} acknowledged, ${failures.length} refused: ${JSON.stringify(failures)}`);
  // Only writes in flight at the moment of the kill may fail (one per worker at most); nginx sends the rest elsewhere.
  assert.ok(failures.length <= 4, JSON.stringify(failures));
  assert.ok(failures.every((f) => f.i < killedAt + 4), `a write long after the kill failed: ${JSON.stringify(failures)}`);
  for (const f of failures) assert.ok([502, 503, 504].includes(f.status), `a refused write says so: ${JSON.stringify(f)}`);
  // Every acknowledged write is there, read back through the processes that remain.
  for (const w of acknowledged) {
    const r = await facility.get(`/api/v1/postings/${w.id}`);
    assert.equal(r.status, 200, `acknowledged write ${w.i} (${w.id}) is lost: ${r.text}`);
    assert.equal(r.json.title, `書き込み確認 ${w.i}`);
  }
  assert.ok(acknowledged.length >= 76, `${acknowledged.length} of 80 writes acknowledged`);
  processes = processes.filter((p) => p !== victim);
});

test('a PostgreSQL restart: 503 in Japanese meanwhile, every process recovers by itself, a stream resumes from Last-Event-ID', { timeout: 180_000 }, async () => {
  assert.ok(seeker && facility, 'the earlier tests logged the seeker and the facility in');
  // A notice with an event id on the seeker's stream, then the stream goes away.
  const stream = await openStream(nginxUrl, seeker);
  await waitFor('the stream to be ready', () => stream.text.includes('event: ready'));
  const firstTitle = `再接続前 ${Date.now()}`;
  assert.equal((await facility.post('/api/v1/postings', postingBody(firstTitle))).status, 201);
  await waitFor('the first notice', () => stream.text.includes(firstTitle), { tries: 500 });
  const frame = stream.text.split('\n\n').find((f) => f.includes(firstTitle));
  const lastId = /^id: (\d+)$/m.exec(frame)?.[1];
  assert.ok(lastId, `a notice carries an event id: ${frame}`);
  stream.close();

  const { PG_DIR, PG_PORT } = process.env;
  pgCtl('-D', `${PG_DIR}/data`, '-m', 'fast', '-w', 'stop');
  try {
    for (const [method, path, body] of [['GET', '/api/v1/me'], ['POST', '/api/v1/postings', postingBody('停止中')], ['GET', '/api/v1/health']]) {
      const started = Date.now();
      const r = await facility.request(method, path, body);
      const ms = Date.now() - started;
      assert.equal(r.status, 503, `${method} ${path} during the outage: ${r.status} ${r.text}`);
      assert.equal(r.json.error.code, 'unavailable');
      assert.match(r.json.error.message, /データベース/);
      assert.ok(ms < 10_000, `${method} ${path} took ${ms} ms`);
    }
    for (const p of processes) assert.equal(p.child.exitCode, null, 'a process died with the database');
  } finally {
    pgCtl('-D', `${PG_DIR}/data`, '-l', `${PG_DIR}/server.log`, '-w', '-t', '60',
      '-o', `-p ${PG_PORT} -k ${PG_DIR} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start');
  }
  const restarted = Date.now();
  // Each process on its own (not through nginx), so none hides behind another.
  for (const p of processes) {
    const direct = new Client(p.url);
    direct.cookies = facility.cookies;
    direct.csrf = facility.csrf;
    await waitFor(`${p.url} to recover`, async () => (await direct.get('/api/v1/me')).status === 200, { tries: 300, every: 100 });
  }
  console.log(`# every process answered again ${Date.now() - restarted} ms after PostgreSQL was back`);

  // Missed while away: a new notice; the stream that comes back with Last-Event-ID gets it, and not the old one.
  const missedTitle = `再接続中 ${Date.now()}`;
  assert.equal((await facility.post('/api/v1/postings', postingBody(missedTitle))).status, 201);
  await waitFor('the missed notice in the seeker’s list', async () =>
    (await seeker.get('/api/v1/notifications')).json.items.some((n) => `${n.title}${n.body}`.includes(missedTitle)), { tries: 500 });
  const resumed = await openStream(nginxUrl, seeker, { 'last-event-id': lastId });
  await waitFor('the resumed stream to be ready', () => resumed.text.includes('event: ready'));
  resumed.close();
  const frames = resumed.text.split('\n\n');
  const missed = frames.findIndex((f) => f.includes(missedTitle));
  assert.ok(missed >= 0, `the missed notice is replayed: ${resumed.text}`);
  assert.ok(Number(/^id: (\d+)$/m.exec(frames[missed])[1]) > Number(lastId));
  assert.ok(missed < frames.findIndex((f) => f.includes('event: ready')), 'replayed before ready (whose unread count is absolute)');
  assert.ok(!resumed.text.includes(firstTitle), 'what the stream already had is not sent again');
});
