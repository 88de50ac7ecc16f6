// The operator's commands: help, migrate, demo-data and `user add` for the first secretariat account.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, freshDatabase, startServer, Client } from './harness.mjs';

test('--help documents every command', () => {
  const r = runCli(['--help']);
  assert.equal(r.status, 0);
  for (const word of ['serve', 'migrate', 'demo-data', 'user add', '--db', '--listen', '--smtp-url']) assert.ok(r.stdout.includes(word), word);
  assert.match(runCli(['user', 'add', '--help']).stdout, /--login ID --password PW --role ROLE/);
  assert.notEqual(runCli(['frobnicate']).status, 0);
});

test('migrate is idempotent and demo-data loads once', () => {
  const db = freshDatabase();
  assert.equal(runCli(['migrate', '--db', db]).status, 0);
  assert.match(runCli(['migrate', '--db', db]).stdout, /schema version \d+/);
  assert.match(runCli(['demo-data', '--db', db]).stdout, /demo data loaded[\s\S]*jimukyoku/);
  assert.match(runCli(['demo-data', '--db', db]).stdout, /already present/);
});

test('user add creates the first secretariat account, refusing bad input', async () => {
  const db = freshDatabase();
  const weak = runCli(['user', 'add', '--db', db, '--login', 'admin01', '--password', 'password', '--role', 'secretariat', '--organisation', '事務局', '--prefecture', '13']);
  assert.notEqual(weak.status, 0);
  assert.match(weak.stderr, /パスワード/);
  const badRole = runCli(['user', 'add', '--db', db, '--login', 'admin01', '--password', 'Strong2026x', '--role', 'king']);
  assert.notEqual(badRole.status, 0);
  const ok = runCli(['user', 'add', '--db', db, '--login', 'admin01', '--password', 'Strong2026x', '--role', 'secretariat', '--organisation', '厚生労働省 事務局', '--prefecture', '13']);
  assert.equal(ok.status, 0, ok.stderr);
  const dup = runCli(['user', 'add', '--db', db, '--login', 'admin01', '--password', 'Strong2026x', '--role', 'secretariat', '--organisation', '厚生労働省 事務局', '--prefecture', '13']);
  assert.notEqual(dup.status, 0);

  const server = await startServer({ db, demo: false, smtp: false });
  try {
    const c = new Client(server.url);
    const me = await c.login('admin01', 'Strong2026x');
    assert.equal(me.json.user.role, 'secretariat');
    assert.equal(me.json.user.organisations[0].name, '厚生労働省 事務局');
  } finally { await server.stop(); }
});
