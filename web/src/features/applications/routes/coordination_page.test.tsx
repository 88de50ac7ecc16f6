import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { CoordinationPage } from './coordination_page';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderPage(facilityRequests: unknown[]) {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const path = String(input);
    if (path === '/api/v1/coordination/queue') {
      return jsonResponse({ contact_requests: [], follow_ups_due: [], urgent_without_candidates: [], open_training: [] });
    }
    if (path === '/api/v1/coordination/contact-requests') {
      return jsonResponse({ items: facilityRequests, total: facilityRequests.length });
    }
    return jsonResponse({ error: { code: 'not_found', message: '見つかりません。' } }, 404);
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <CoordinationPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('CoordinationPage', () => {
  it('lists facilities’ requests waiting for the seeker, with the facility, the handle and the message as typed', async () => {
    renderPage([
      {
        id: 'fcr_1',
        posting_id: 'pst_1',
        posting_title: '病棟看護師',
        facility_name: '千代田区神田さくら病院',
        handle: '求職者-7F3A2C9K',
        message: '夜勤なしで相談できます。\n<b>よろしく</b>',
        sent_at: '2027-05-01T10:00:00+09:00',
      },
      { id: 'fcr_2', posting_id: 'pst_2', posting_title: '外来看護師', facility_name: '港区病院', handle: '求職者-AAAA1111', message: null, sent_at: '2027-05-01T11:00:00+09:00' },
    ]);
    const section = await screen.findByRole('region', { name: '医療機関からのコンタクト依頼（回答待ち）' }, { timeout: 5000 });
    const [first, second] = await within(section).findAllByRole('listitem');
    expect(within(first!).getByRole('link', { name: '病棟看護師' })).toHaveAttribute('href', '/postings/pst_1');
    expect(first).toHaveTextContent('医療機関：千代田区神田さくら病院');
    expect(first).toHaveTextContent('候補者：求職者-7F3A2C9K');
    expect(within(first!).getByText(/<b>よろしく<\/b>/)).toBeInTheDocument();
    expect(first!.querySelector('b')).toBeNull();
    expect(second).toHaveTextContent('メッセージはありません。');
  });

  it('says when none is waiting', async () => {
    renderPage([]);
    const section = await screen.findByRole('region', { name: '医療機関からのコンタクト依頼（回答待ち）' }, { timeout: 5000 });
    expect(within(section).getByText('回答待ちの医療機関からのコンタクト依頼はありません。')).toBeInTheDocument();
  });
});
