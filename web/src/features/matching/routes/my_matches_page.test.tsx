import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { maskedPosting } from '../../../shared/postings/testing/posting_fixtures';
import { MyMatchesPage } from './my_matches_page';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderPage(answers: Record<string, () => Response>) {
  const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const path = String(input).split('?')[0] ?? '';
    const answer = answers[path];
    return answer !== undefined ? answer() : jsonResponse({ items: [], total: 0 });
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <MyMatchesPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return fetchMock;
}

describe('MyMatchesPage', () => {
  it('sends a seeker without conditions to 希望条件 and asks for no matches', async () => {
    const fetchMock = renderPage({
      '/api/v1/me/profile': () => jsonResponse({ error: { code: 'not_found', message: '見つかりません。' } }, 404),
    });
    expect(await screen.findByText('希望条件がまだ登録されていません')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '希望条件を登録する' })).toHaveAttribute('href', '/me/profile');
    expect(fetchMock.mock.calls.some(([input]) => String(input).startsWith('/api/v1/me/matches'))).toBe(false);
  });

  it('shows each recommendation as a posting card with its score and reasons, masked postings without the facility', async () => {
    const posting = maskedPosting({ title: '【急募】病棟看護師' });
    renderPage({
      '/api/v1/me/profile': () => jsonResponse({ handle: '求職者-ABCDEFGH' }),
      '/api/v1/me/matches': () => jsonResponse({ items: [{ posting, score: 60, reasons: ['緊急募集', '新着'] }], total: 1, page: 1, per_page: 20 }),
    });
    const card = (await screen.findByRole('link', { name: '【急募】病棟看護師' })).closest('article') as HTMLElement;
    expect(within(card).getByText('医療機関名は非公開')).toBeInTheDocument();
    expect(within(card).getByText('60点（100点満点）')).toBeInTheDocument();
    expect(within(within(card).getByRole('list', { name: '一致した理由' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '急募',
      '新着',
    ]);
    expect(screen.getByText('1件')).toBeInTheDocument();
  });

  it('says so when nothing matches yet, with a way to the conditions', async () => {
    renderPage({
      '/api/v1/me/profile': () => jsonResponse({ handle: '求職者-ABCDEFGH' }),
      '/api/v1/me/matches': () => jsonResponse({ items: [], total: 0, page: 1, per_page: 20 }),
    });
    expect(await screen.findByText(/いまの希望条件に合う公開中の求人はありません。/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '希望条件を見直す' })).toHaveAttribute('href', '/me/profile');
  });
});
