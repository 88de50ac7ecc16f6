import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatPanel } from './chat_panel';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => vi.restoreAllMocks());

// Typing a conversation takes a few seconds on a busy machine; more than the default 5 s is allowed so that a slow
// run does not time out half-way (and leave its typing running into the next test).
const SLOW = 20_000;

function renderPanel(reply: (body: { text: string; conversation?: string }) => Response) {
  const bodies: { text: string; conversation?: string }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    if (String(input) === '/api/v1/chat/messages' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      bodies.push(body);
      return reply(body);
    }
    return jsonResponse({ error: { code: 'not_found', message: '見つかりません' } }, 404);
  });
  render(
    <MemoryRouter>
      <ChatPanel />
    </MemoryRouter>,
  );
  return bodies;
}

describe('ChatPanel', () => {
  it('opens with focus in the message field, answers with sources, and Escape closes it back to its button', async () => {
    const user = userEvent.setup();
    const bodies = renderPanel(() =>
      jsonResponse({
        conversation: 'chat_1',
        reply: { kind: 'answer', text: '無料です。', sources: [{ type: 'faq', id: 'faq_1', title: '利用料金はかかりますか？', url: '/faq/faq_1' }], choices: [] },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'チャットで質問する' }));
    const field = screen.getByRole('textbox', { name: 'メッセージ' });
    expect(field).toHaveFocus();
    await user.type(field, '料金は？{Enter}');
    const log = screen.getByRole('log', { name: 'チャットのやり取り' });
    await within(log).findByText('無料です。');
    expect(within(log).getByRole('link', { name: '利用料金はかかりますか？' })).toHaveAttribute('href', '/faq/faq_1');
    expect(bodies).toEqual([{ text: '料金は？' }]);
    expect(field).toHaveFocus();
    await user.type(field, '二つ目{Enter}');
    await within(log).findAllByText('無料です。');
    expect(bodies[1]).toEqual({ conversation: 'chat_1', text: '二つ目' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('log')).toBeNull();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'チャットで質問する' })).toHaveFocus());
  }, SLOW);

  it('offers choices as buttons that send their text, and shows the server message of a refusal', async () => {
    const user = userEvent.setup();
    const bodies = renderPanel((body) =>
      body.text.length > 5
        ? jsonResponse({ error: { code: 'validation_failed', message: '入力内容に誤りがあります。', fields: { text: '「メッセージ」は1000文字以内で入力してください。' } } }, 400)
        : jsonResponse({
            conversation: 'chat_2',
            reply: {
              kind: 'choices', text: '次のどれについてのご質問ですか？',
              sources: [], choices: [{ label: '面接はどのように行いますか？', value: '面接はどのように行いますか？' }, { label: '面接の日程を変更したい。', value: '面接の日程を変更したい。' }],
            },
          }),
    );
    await user.click(screen.getByRole('button', { name: 'チャットで質問する' }));
    await user.type(screen.getByRole('textbox', { name: 'メッセージ' }), '面接{Enter}');
    const choices = await screen.findByRole('list', { name: '選択肢' });
    await user.click(within(choices).getByRole('button', { name: '2. 面接の日程を変更したい。' }));
    expect(bodies[1]).toEqual({ conversation: 'chat_2', text: '面接の日程を変更したい。' });
    expect(await screen.findByText('「メッセージ」は1000文字以内で入力してください。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'メッセージ' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'メッセージ' })).toHaveValue('面接の日程を変更したい。');
  }, SLOW);

  it('refuses an empty message without sending it', async () => {
    const user = userEvent.setup();
    const bodies = renderPanel(() => jsonResponse({}));
    await user.click(screen.getByRole('button', { name: 'チャットで質問する' }));
    await user.click(screen.getByRole('button', { name: '送信する' }));
    expect(screen.getByText('「メッセージ」を入力してください。')).toBeInTheDocument();
    expect(bodies).toEqual([]);
  }, SLOW);

  it("opens on the conversation a notice links to (/?chat=<id>), with the staff's answer", async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      if (String(input) === '/api/v1/chat/conversations/chat_9')
        return jsonResponse({
          id: 'chat_9', state: 'handed_over', created_at: '2026-12-03T10:00:00+09:00',
          messages: [
            { seq: 1, author: 'user', text: '担当者と話したい', at: '2026-12-03T10:00:00+09:00' },
            { seq: 2, author: 'bot', kind: 'handover', text: '担当のコーディネーターに引き継ぎました。', at: '2026-12-03T10:00:00+09:00', sources: [], choices: [] },
            { seq: 3, author: 'staff', text: 'ご相談を承ります。', by: '加藤 恵（東京都ナースセンター）', at: '2026-12-03T10:05:00+09:00' },
          ],
        });
      return jsonResponse({ error: { code: 'not_found', message: '見つかりません' } }, 404);
    });
    render(
      <MemoryRouter initialEntries={['/?chat=chat_9']}>
        <ChatPanel />
      </MemoryRouter>,
    );
    const log = await screen.findByRole('log', { name: 'チャットのやり取り' });
    expect(await within(log).findByText('ご相談を承ります。')).toBeInTheDocument();
    expect(within(log).getByText('加藤 恵（東京都ナースセンター）')).toBeInTheDocument();
    expect(within(log).getByText('担当者と話したい')).toBeInTheDocument();
  }, SLOW);
});
