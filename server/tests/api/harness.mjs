// Starts a real kakehashi server on a free port against a fresh database (SQLite file or a new PostgreSQL
// database, per KAKEHASHI_TEST_DB) and talks to it over real HTTP. Mails go to the real SMTP sink that
// scripts/test.sh starts; tests read them from its Maildir.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';

export const BIN = process.env.KAKEHASHI_BIN ?? new URL('../../../build/kakehashi', import.meta.url).pathname;
export const DB_KIND = process.env.KAKEHASHI_TEST_DB ?? 'sqlite';
export const DEMO_PASSWORD = 'Kakehashi2026';

/** A new, empty database URL of the kind under test. */
export function freshDatabase() {
  if (DB_KIND === 'postgres') {
    const admin = process.env.KAKEHASHI_TEST_PG_ADMIN_URL;
    if (!admin) throw new Error('KAKEHASHI_TEST_PG_ADMIN_URL is not set (run through make test)');
    const name = `kh_api_${randomBytes(6).toString('hex')}`;
    const r = spawnSync('psql', [admin, '-q', '-c', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return admin.replace(/\/postgres$/, `/${name}`);
  }
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'kh-api-')), 'test.db')}`;
}

/**
 * Puts the demo data into `db` by copying the pass's template — a database `demo-data` filled once per test pass
 * (scripts/test.sh: KAKEHASHI_TEST_DEMO_TEMPLATE, a SQLite file or a PostgreSQL database name) — when `db` is
 * still untouched. Returns false when it did not (no template, or the database already has tables), and the
 * caller runs `demo-data` itself, as before. A copy is the same real database `demo-data` writes, minus the
 * seconds of writing it for each of the suite's servers.
 */
function copyDemoTemplate(db) {
  const template = process.env.KAKEHASHI_TEST_DEMO_TEMPLATE;
  if (!template) return false;
  if (DB_KIND === 'postgres') {
    const admin = process.env.KAKEHASHI_TEST_PG_ADMIN_URL;
    const name = db.slice(db.lastIndexOf('/') + 1);
    const tables = spawnSync('psql', [db, '-qtAc', "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"], { encoding: 'utf8' });
    if (tables.status !== 0 || tables.stdout.trim() !== '0') return false;
    const r = spawnSync('psql', [admin, '-q', '-c', `DROP DATABASE ${name}`, '-c', `CREATE DATABASE ${name} TEMPLATE ${template}`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`copying the demo template failed: ${r.stderr}`);
    return true;
  }
  const path = db.replace(/^sqlite:/, '');
  if (existsSync(path)) return false;
  for (const suffix of ['', '-wal']) if (existsSync(template + suffix)) copyFileSync(template + suffix, path + suffix);
  return true;
}

export function runCli(args) {
  return spawnSync(BIN, args, { encoding: 'utf8' });
}

/** Starts `kakehashi serve`; resolves when it logs that it listens. */
// `secondFactorRoles`: the roles that must log in with a second factor; none by default, so that tests can log in
// as every demo role with a password (second_factor.test.mjs turns it on).
// `webRoot`, `publicUrl`: as in `serve`; the API tests need no web app and a fixed public URL in their mails.
export async function startServer({ db = freshDatabase(), demo = true, smtp = true, smtpUrl, extra = [], secondFactorRoles = 'none',
  webRoot = '', publicUrl = 'http://kakehashi.test' } = {}) {
  if (demo && !copyDemoTemplate(db)) {
    const r = runCli(['demo-data', '--db', db]);
    if (r.status !== 0) throw new Error(`demo-data failed: ${r.stderr}`);
  }
  const args = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-root', webRoot, '--public-url', publicUrl,
    '--second-factor-roles', secondFactorRoles, ...extra];
  const port = process.env.KAKEHASHI_TEST_SMTP_PORT;
  if (smtpUrl) args.push('--smtp-url', smtpUrl);
  else if (smtp && port) args.push('--smtp-url', `smtp://127.0.0.1:${port}`);
  const child = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  child.stderr.on('data', (d) => log.push(d.toString()));
  const lines = createInterface({ input: child.stdout });
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${log.join('')}`)), 15000);
    lines.on('line', (line) => {
      log.push(line);
      try {
        const entry = JSON.parse(line);
        if (entry.event === 'listening') { clearTimeout(timer); resolve(entry.port); }
      } catch { /* not a log line */ }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${log.join('\n')}`)); });
  });
  const listenPort = await listening;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    db, child, log,
    url: `http://127.0.0.1:${listenPort}`,
    /** SIGTERM and wait: the graceful path. */
    async stop() { if (child.exitCode === null) { child.kill('SIGTERM'); } return exited; },
    /** SIGKILL: what a crash looks like. */
    async kill() { child.kill('SIGKILL'); return exited; },
  };
}

/** An HTTP client with a cookie jar and the CSRF token of its session. */
export class Client {
  constructor(base) { this.base = base; this.cookies = new Map(); this.csrf = null; }

  async request(method, path, body, { headers = {}, raw } = {}) {
    const h = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    let payload = raw;
    if (body !== undefined) { payload = JSON.stringify(body); h['content-type'] ??= 'application/json'; }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value) this.cookies.set(pair.slice(0, eq), value); else this.cookies.delete(pair.slice(0, eq));
    }
    const text = await res.text();
    let json;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    if (json?.csrf_token) this.csrf = json.csrf_token;
    return { status: res.status, headers: res.headers, json, text };
  }
  get(p, o) { return this.request('GET', p, undefined, o); }
  post(p, b, o) { return this.request('POST', p, b, o); }
  put(p, b, o) { return this.request('PUT', p, b, o); }
  patch(p, b, o) { return this.request('PATCH', p, b, o); }
  delete(p, o) { return this.request('DELETE', p, undefined, o); }

  async login(login, password = DEMO_PASSWORD) {
    const r = await this.post('/api/v1/session', { login, password });
    if (r.status !== 200) throw new Error(`login ${login} failed: ${r.status} ${r.text}`);
    return r;
  }
}

// ---- mail from the SMTP sink ----

function decodeWords(value) {
  return value.replace(/\r?\n\s+/g, ' ')
    .replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'))
    .trim();
}

function parseMail(raw) {
  const split = raw.indexOf('\n\n');
  const head = raw.slice(0, split).replace(/\r/g, '');
  const headers = {};
  for (const line of head.replace(/\n\s+/g, ' ').split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = raw.slice(split + 2);
  const attachments = [];
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'] ?? '')?.[1];
  if (boundary) {
    // multipart/mixed: the text part is the body; other parts are attachments.
    const parts = body.split(`--${boundary}`).slice(1, -1).map((p) => parseMail(p.replace(/^\r?\n/, '')));
    body = parts.find((p) => /text\/plain/.test(p.headers['content-type'] ?? ''))?.body ?? '';
    for (const p of parts)
      if (/attachment/.test(p.headers['content-disposition'] ?? ''))
        attachments.push({ filename: /filename="([^"]+)"/.exec(p.headers['content-disposition'])[1], type: p.headers['content-type'], content: p.body });
  } else if (/base64/i.test(headers['content-transfer-encoding'] ?? '')) {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { to: (headers.to ?? '').replace(/[<>]/g, ''), subject: decodeWords(headers.subject ?? ''), body, headers, attachments };
}

export function allMails() {
  const dir = process.env.KAKEHASHI_TEST_MAILDIR;
  if (!dir) throw new Error('KAKEHASHI_TEST_MAILDIR is not set (run through make test)');
  const out = [];
  for (const sub of ['new', 'cur']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      const path = join(d, f);
      // Headers are ASCII and bodies base64, so reading bytes as latin1 loses nothing.
      out.push({ ...parseMail(readFileSync(path, 'latin1')), mtime: statSync(path).mtimeMs });
    }
  }
  return out.sort((a, b) => a.mtime - b.mtime);
}

/** Waits until a mail to `to` whose subject contains `subjectPart` arrives; returns it. */
/** The newest mail to `to` about `subjectPart`; with `known`, one beyond the first `known` such mails (the sink
 * keeps earlier runs' mails, e.g. the other database's, for fixed demo addresses). With `about`, only mails whose
 * body contains it count: the demo data's own mails to the same address are delivered at the server's start, at
 * any moment of a test. */
// 60 s: a mail is delivered within a second on an idle machine, but make test runs two API passes and a compiler
// side by side on two cores, where a mail once took longer than the 20 s this used to allow (2026-12-03), and a
// failed SMTP attempt puts a mail 10 s back (the outbox's back-off). Waiting longer costs nothing when it arrives.
export async function waitForMail(to, subjectPart, { timeoutMs = 60000, known = 0, about } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = allMails().filter((m) => m.to === to && m.subject.includes(subjectPart) && (!about || m.body.includes(about)));
    if (found.length > known) return found[found.length - 1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} about ${subjectPart}`);
}

/** Opens /api/v1/events and collects the events as they arrive. */
export async function openEvents(client) {
  const controller = new AbortController();
  const res = await fetch(`${client.base}/api/v1/events`, {
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, signal: controller.signal,
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/event-stream/);
  const events = [];
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch { /* aborted */ }
  })();
  return {
    events,
    close: () => controller.abort(),
    async waitFor(event, predicate = () => true, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = events.find((e) => e.event === event && predicate(e.data));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no ${event} event; got ${JSON.stringify(events)}`);
    },
  };
}

export function mailsTo(to) { return allMails().filter((m) => m.to === to); }

export function tokenFrom(body) {
  const m = body.match(/token=([A-Za-z0-9_-]+)/);
  if (!m) throw new Error(`no token in mail: ${body}`);
  return m[1];
}

export function uniqueEmail(prefix = 'user') {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.jp`;
}

// TOTP codes as an authenticator app computes them (one copy, shared with the browser tests).
export { totpCode } from '../../../e2e/lib/totp.mjs';
