// The server's behaviour on good and bad HTTP: envelope, limits, headers, and that it keeps serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, Client } from './harness.mjs';

let server;
before(async () => { server = await startServer({ demo: false, smtp: false }); });
after(async () => { await server.stop(); });

function assertEnvelope(r, status, code) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.json.error.code, code);
  assert.match(r.json.error.message, /[\u3040-\u30ff\u4e00-\u9fff]/, 'message is Japanese');
}

test('health answers ok with security headers', async () => {
  const r = await new Client(server.url).get('/api/v1/health');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { status: 'ok', mail: 'not configured' }, 'no SMTP and no demo: mails are not leaving');
  assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('cache-control'), 'no-store');
});

test('unknown routes and wrong methods get the envelope', async () => {
  const c = new Client(server.url);
  assertEnvelope(await c.get('/api/v1/nothing-here'), 404, 'not_found');
  const r = await c.put('/api/v1/health', {});
  assertEnvelope(r, 405, 'method_not_allowed');
  assert.equal(r.headers.get('allow'), 'GET');
});

test('malformed JSON, wrong content type, wrong types and invalid UTF-8 are 4xx', async () => {
  const c = new Client(server.url);
  assertEnvelope(await c.post('/api/v1/session', undefined, { raw: '{"login":', headers: { 'content-type': 'application/json' } }), 400, 'bad_request');
  assertEnvelope(await c.post('/api/v1/session', undefined, { raw: 'login=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
  assertEnvelope(await c.post('/api/v1/session', undefined, { raw: '[1]', headers: { 'content-type': 'application/json' } }), 400, 'bad_request');
  const bad = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
  assertEnvelope(await c.post('/api/v1/session', undefined, { raw: bad, headers: { 'content-type': 'application/json' } }), 400, 'bad_request');
  const wrongType = await c.post('/api/v1/session', { login: 42, password: 'x' });
  assertEnvelope(wrongType, 400, 'validation_failed');
  assert.equal(wrongType.json.error.fields.login, '「ユーザID または メールアドレス」は文字列で指定してください。');
  const missing = await c.post('/api/v1/session', {});
  assert.equal(missing.json.error.fields.password, '「パスワード」を入力してください。');
});

test('oversize bodies get 413 and the server keeps serving', async () => {
  const c = new Client(server.url);
  const big = JSON.stringify({ login: 'x'.repeat(9 * 1024 * 1024), password: 'y' });
  const r = await c.post('/api/v1/session', undefined, { raw: big, headers: { 'content-type': 'application/json' } }).catch((e) => ({ status: 'reset', e }));
  if (r.status !== 'reset') assertEnvelope(r, 413, 'payload_too_large');
  assert.equal((await c.get('/api/v1/health')).status, 200);
});

test('garbage on the socket gets 400 and does not stop the server', async () => {
  const reply = await new Promise((resolve, reject) => {
    const s = net.connect(new URL(server.url).port, '127.0.0.1', () => s.write('NOT HTTP AT ALL\r\n\r\n'));
    let data = '';
    s.on('data', (d) => { data += d; });
    s.on('end', () => resolve(data));
    s.on('error', reject);
  });
  assert.match(reply, /^HTTP\/1\.1 400/);
  assert.equal((await new Client(server.url).get('/api/v1/health')).status, 200);
});

test('the API document is served', async () => {
  const r = await new Client(server.url).get('/api/v1/openapi.yaml');
  assert.equal(r.status, 200);
  assert.match(r.text, /^openapi: 3\.1/);
  assert.match(r.text, /\/api\/v1\/session/);
});

test('prefectures are public reference data', async () => {
  const r = await new Client(server.url).get('/api/v1/reference/prefectures');
  assert.equal(r.json.total, 47);
  assert.deepEqual(r.json.items[12], { code: '13', name: '東京都', name_en: 'Tokyo' });
});

test('the demo mail page exists only in demo mode without SMTP', async () => {
  assert.equal((await new Client(server.url).get('/api/v1/dev/mails')).status, 404, 'not without --demo');
  const demo = await startServer({ demo: false, smtp: false, extra: ['--demo'] });
  try {
    assert.equal((await new Client(demo.url).get('/api/v1/dev/mails')).status, 200);
  } finally { await demo.stop(); }
  const withSmtp = await startServer({ demo: false, smtpUrl: 'smtp://127.0.0.1:1', extra: ['--demo'] });
  try {
    assert.equal((await new Client(withSmtp.url).get('/api/v1/dev/mails')).status, 404);
  } finally { await withSmtp.stop(); }
});

test('SIGTERM stops the server cleanly', async () => {
  const s = await startServer({ demo: false, smtp: false });
  const { code } = await s.stop();
  assert.equal(code, 0, `the server's log:\n${s.log.join('\n')}`);
});
