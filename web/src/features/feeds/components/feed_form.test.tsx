import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FeedForm } from './feed_form';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function describedText(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function renderForm(answerPost: (body: unknown) => Response) {
  const posted: unknown[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = String(input);
    if (path === '/api/v1/feeds' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as unknown;
      posted.push(body);
      return answerPost(body);
    }
    if (path.startsWith('/api/v1/reference/prefectures')) {
      return jsonResponse({ items: [{ code: '13', name: '東京都', name_en: 'Tokyo' }], total: 1 });
    }
    if (path.startsWith('/api/v1/reference/categories')) {
      return jsonResponse({ items: [{ code: 'nurse', name: '看護師', name_en: 'Nurse' }], total: 1 });
    }
    return jsonResponse({ items: [], total: 0 });
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <FeedForm />
    </QueryClientProvider>,
  );
  return { posted, user: userEvent.setup() };
}

describe('FeedForm', () => {
  it('sends the chosen filters and puts the server’s message under its field', async () => {
    const { posted, user } = renderForm(() =>
      jsonResponse(
        {
          error: {
            code: 'validation_failed',
            message: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
            fields: { digest_email: '「配信先メールアドレス」の形式が正しくありません。' },
          },
        },
        400,
      ),
    );
    await user.type(screen.getByLabelText(/^配信名/), '東京の急募');
    await user.click(await screen.findByLabelText('東京都'));
    await user.click(await screen.findByLabelText('看護師'));
    await user.click(screen.getByLabelText('急募'));
    await user.type(screen.getByLabelText(/^配信先メールアドレス/), 'partner@example.jp.');
    await user.click(screen.getByRole('button', { name: '配信を登録する' }));

    const email = screen.getByLabelText(/^配信先メールアドレス/);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(describedText(email)).toContain('「配信先メールアドレス」の形式が正しくありません。');
    expect(posted).toEqual([
      { name: '東京の急募', prefectures: ['13'], categories: ['nurse'], urgency: 'immediate', digest_email: 'partner@example.jp.' },
    ]);
    // What was typed stays.
    expect(screen.getByLabelText(/^配信名/)).toHaveValue('東京の急募');
  });

  it('asks for a name before sending anything', async () => {
    const { posted, user } = renderForm(() => jsonResponse({}));
    await user.click(screen.getByRole('button', { name: '配信を登録する' }));
    const name = screen.getByLabelText(/^配信名/);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(name)).toContain('「配信名」を入力してください。');
    expect(posted).toEqual([]);
  });

  it('says the feed was registered and empties the form', async () => {
    const { user } = renderForm((body) =>
      jsonResponse({ id: 'feed_1', ...(body as object), json_url: 'http://x/a.json', atom_url: 'http://x/a.atom', created_at: '2027-01-01T09:00:00+09:00' }, 201),
    );
    await user.type(screen.getByLabelText(/^配信名/), '全国');
    await user.click(screen.getByRole('button', { name: '配信を登録する' }));
    expect(await screen.findByText('配信「全国」を登録しました。下の一覧にURLがあります。')).toBeInTheDocument();
    expect(screen.getByLabelText(/^配信名/)).toHaveValue('');
  });
});
