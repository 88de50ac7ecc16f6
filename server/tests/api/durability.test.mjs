// What must survive: an acknowledged write across kill -9, and a queued mail across a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, waitForMail, uniqueEmail, freshDatabase, mailsTo } from './harness.mjs';

test('an acknowledged write survives kill -9', async () => {
  const db = freshDatabase();
  const first = await startServer({ db, smtp: false });
  const sec = new Client(first.url);
  await sec.login('jimukyoku');
  const org = await sec.post('/api/v1/organisations', { name: '松本市あずさ病院', kind: 'facility', prefecture: '20' });
  assert.equal(org.status, 201);
  await first.kill();

  const second = await startServer({ db, demo: false, smtp: false });
  try {
    const again = new Client(second.url);
    await again.login('jimukyoku');
    const list = await again.get('/api/v1/organisations');
    assert.ok(list.json.items.some((o) => o.id === org.json.id));
  } finally { await second.stop(); }
});

test('a mail queued while SMTP is down is delivered after a restart', async () => {
  const db = freshDatabase();
  const email = uniqueEmail('queued');
  const down = await startServer({ db, smtpUrl: 'smtp://127.0.0.1:9' });  // nothing listens on port 9
  const c = new Client(down.url);
  assert.equal((await c.post('/api/v1/registrations', { name: '待機 花子', email, password: 'Queued2026x' })).status, 202);
  await new Promise((r) => setTimeout(r, 1500));  // the worker tries and fails at least once
  await down.stop();
  assert.equal(mailsTo(email).length, 0);

  const up = await startServer({ db, demo: false });
  try {
    const mail = await waitForMail(email, 'メールアドレスの確認', { timeoutMs: 40000 });
    assert.match(mail.body, /待機 花子 様/);
  } finally { await up.stop(); }
});
