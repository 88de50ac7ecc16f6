import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseChatNotice } from '../use_chat_events';
import { ChatDictionaryPage, splitTerms } from './chat_dictionary_page';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => vi.restoreAllMocks());

const SLOW = 20_000;

describe('splitTerms', () => {
  it('splits on 、 , ， and line breaks, trimming and dropping blanks', () => {
    expect(splitTerms(' 当直、夜勤 ,宿直，\n 夜間勤務 、、')).toEqual(['当直', '夜勤', '宿直', '夜間勤務']);
  });
});

describe('parseChatNotice', () => {
  it('reads kind and link, and ignores anything else', () => {
    expect(parseChatNotice('{"kind":"chat_reply","link":"/?chat=chat_1"}')).toEqual({ kind: 'chat_reply', link: '/?chat=chat_1' });
    expect(parseChatNotice('{"kind":3}')).toBeNull();
    expect(parseChatNotice('not json')).toBeNull();
  });
});

describe('ChatDictionaryPage', () => {
  it(
    'adds a synonym group and asks 試してみる again, showing the new decision and top three in Japanese',
    async () => {
      const user = userEvent.setup();
      let added = false;
      const posted: unknown[] = [];
      vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
        const url = String(input);
        const method = init?.method ?? 'GET';
        if (url === '/api/v1/chat/synonyms' && method === 'GET')
          return jsonResponse({
            items: [{ id: 'syn_1', terms: ['当直', '夜勤'], updated_at: '2026-12-03T10:00:00+09:00' }, ...(added ? [{ id: 'syn_2', terms: ['パスワード', '合言葉'], updated_at: '2026-12-03T10:01:00+09:00' }] : [])],
            total: added ? 2 : 1,
          });
        if (url === '/api/v1/chat/synonyms' && method === 'POST') {
          posted.push(JSON.parse(String(init?.body)));
          added = true;
          return jsonResponse({ id: 'syn_2', terms: ['パスワード', '合言葉'], updated_at: '2026-12-03T10:01:00+09:00' }, 201);
        }
        if (url === '/api/v1/chat/try')
          return jsonResponse({
            decision: added ? 'answer' : 'rephrase',
            candidates: added ? ['faq_1'] : [],
            read_as: added ? 'パスワードを忘れた' : '合言葉を忘れた',
            top: [
              { faq_id: 'faq_1', question: 'パスワードを忘れた', url: '/faq/faq_1', fused: added ? 0.8 : 0.1, words: 0.7, bigrams: 0.9 },
              { faq_id: 'faq_2', question: 'ログインできない', url: '/faq/faq_2', fused: 0.05, words: 0, bigrams: 0.1 },
              { faq_id: 'faq_3', question: '退会したい', url: '/faq/faq_3', fused: 0.01, words: 0, bigrams: 0.02 },
            ],
          });
        if (url === '/api/v1/faq') return jsonResponse({ items: [], total: 0, categories: [] });
        return jsonResponse({ error: { code: 'not_found', message: '見つかりません' } }, 404);
      });
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={client}>
          <MemoryRouter>{children}</MemoryRouter>
        </QueryClientProvider>
      );
      render(<ChatDictionaryPage />, { wrapper });
      expect(await screen.findByText('当直')).toBeInTheDocument();

      await user.type(screen.getByLabelText('質問'), '合言葉を忘れた');
      await user.click(screen.getByRole('button', { name: '試してみる' }));
      const result = await screen.findByTestId('try-result');
      expect(within(result).getByText(/判定：言い換えをお願いします/)).toBeInTheDocument();
      expect(within(result).getAllByRole('listitem')).toHaveLength(3);

      await user.type(screen.getByLabelText(/新しい同義語グループ/), 'パスワード、合言葉');
      await user.click(screen.getByRole('button', { name: '追加する' }));
      expect(await screen.findByText('同義語グループを追加しました。')).toBeInTheDocument();
      expect(posted).toEqual([{ terms: ['パスワード', '合言葉'] }]);
      expect(await within(screen.getByTestId('try-result')).findByText(/判定：回答します/)).toBeInTheDocument();
      expect(within(screen.getByTestId('try-result')).getByText('総合 0.80（単語 0.70・2文字 0.90）')).toBeInTheDocument();
    },
    SLOW,
  );

  it('shows a refusal under the field, in the server\'s Japanese', async () => {
    const user = userEvent.setup();
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/v1/chat/synonyms' && init?.method === 'POST')
        return jsonResponse(
          { error: { code: 'validation_failed', message: '入力内容に誤りがあります。', fields: { terms: '「夜勤」はすでに別の同義語グループ（当直・夜勤）にあります。' } } },
          400,
        );
      if (url === '/api/v1/chat/synonyms') return jsonResponse({ items: [], total: 0 });
      return jsonResponse({ items: [], total: 0, categories: [] });
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <ChatDictionaryPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    await user.type(screen.getByLabelText(/新しい同義語グループ/), '夜勤、夜のお仕事');
    await user.click(screen.getByRole('button', { name: '追加する' }));
    expect(await screen.findByText('「夜勤」はすでに別の同義語グループ（当直・夜勤）にあります。')).toBeInTheDocument();
    expect(screen.getByLabelText(/新しい同義語グループ/)).toHaveAttribute('aria-invalid', 'true');
  });
});
