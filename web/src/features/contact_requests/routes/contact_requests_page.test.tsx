import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { maskedPosting } from '../../../shared/postings/testing/posting_fixtures';
import type { SeekerContactRequest } from '../api/contact_requests_api';
import { ContactRequestsPage } from './contact_requests_page';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const SUMMARY = '勤務地：東京都\n職種：看護師\n雇用形態：有期\n期間：3か月\n勤務開始：2027-05-10';

function request(overrides: Partial<SeekerContactRequest> = {}): SeekerContactRequest {
  return {
    id: 'fcr_1',
    state: 'sent',
    state_name: '回答待ち',
    sent_at: '2027-05-01T10:00:00+09:00',
    answered_at: null,
    summary: SUMMARY,
    posting: maskedPosting({ id: 'pst_1', title: '病棟看護師（有期）' }),
    application_id: null,
    ...overrides,
  };
}

function renderPage(items: SeekerContactRequest[], answer?: (body: unknown) => Response) {
  const bodies: unknown[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = String(input);
    if (init?.method === 'PATCH' && path === '/api/v1/contact-requests/fcr_1' && answer !== undefined) {
      const body = JSON.parse(String(init.body));
      bodies.push(body);
      return answer(body);
    }
    if (path === '/api/v1/me/contact-requests') {
      return jsonResponse({ items, total: items.length });
    }
    return jsonResponse({ items: [], total: 0 });
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <ContactRequestsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return bodies;
}

describe('ContactRequestsPage', () => {
  it('shows each request’s outline line by line, its state and the posting’s own page', async () => {
    renderPage([request()]);
    const card = (await screen.findByRole('article', { name: '医療機関からのコンタクト依頼' })) as HTMLElement;
    expect(within(card).getByText('回答待ち')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: '病棟看護師（有期）' })).toHaveAttribute('href', '/postings/pst_1');
    const summary = card.querySelector('[data-contact-request-summary]') as HTMLElement;
    expect(summary.textContent).toBe(SUMMARY);
    expect(summary).toHaveClass('whitespace-pre-line');
    expect(screen.getByRole('link', { name: '希望条件' })).toHaveAttribute('href', '/me/profile');
  });

  it('accepts only after a confirmation that says a coordinator follows up, then links to the application', async () => {
    const user = userEvent.setup();
    const bodies = renderPage([request()], () => jsonResponse(request({ state: 'accepted', state_name: '受けました', application_id: 'app_9', answered_at: '2027-05-02T09:00:00+09:00' })));
    const card = (await screen.findByRole('article', { name: '医療機関からのコンタクト依頼' })) as HTMLElement;
    await user.click(within(card).getByRole('button', { name: '受ける' }));
    expect(bodies).toHaveLength(0);
    expect(within(card).getByRole('region', { name: 'このコンタクト依頼を受けますか？' })).toHaveTextContent('コーディネーターからあなたに連絡があり');
    await user.click(within(card).getByRole('button', { name: '受けることを確定する' }));
    expect(await within(card).findByText('コンタクト依頼を受けました。コーディネーターからの連絡をお待ちください。')).toBeInTheDocument();
    expect(bodies).toEqual([{ action: 'accept' }]);
    expect(within(card).getByText('受けました')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: /^応募・問い合わせの詳細を開く/ })).toHaveAttribute('href', '/applications/app_9');
    expect(within(card).queryByRole('button', { name: '断る' })).toBeNull();
  });

  it('says before a decline that the facility is not told who declined, and can be backed out of', async () => {
    const user = userEvent.setup();
    const bodies = renderPage([request()], () => jsonResponse(request({ state: 'declined', state_name: '断りました' })));
    const card = (await screen.findByRole('article', { name: '医療機関からのコンタクト依頼' })) as HTMLElement;
    await user.click(within(card).getByRole('button', { name: '断る' }));
    expect(within(card).getByRole('region', { name: 'このコンタクト依頼を断りますか？' })).toHaveTextContent('あなたが誰かは伝わりません');
    await user.click(within(card).getByRole('button', { name: '戻る' }));
    expect(within(card).queryByRole('region', { name: 'このコンタクト依頼を断りますか？' })).toBeNull();
    await user.click(within(card).getByRole('button', { name: '断る' }));
    await user.click(within(card).getByRole('button', { name: '断ることを確定する' }));
    expect(await within(card).findByText(/^コンタクト依頼を断りました。/)).toBeInTheDocument();
    expect(bodies).toEqual([{ action: 'decline' }]);
  });

  it('shows the server’s refusal of an answer on the card', async () => {
    const user = userEvent.setup();
    renderPage([request()], () =>
      jsonResponse({ error: { code: 'posting_closed', message: 'この募集はすでに公開を終了しているため、お受けできません。' } }, 409),
    );
    const card = (await screen.findByRole('article', { name: '医療機関からのコンタクト依頼' })) as HTMLElement;
    await user.click(within(card).getByRole('button', { name: '受ける' }));
    await user.click(within(card).getByRole('button', { name: '受けることを確定する' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('この募集はすでに公開を終了しているため、お受けできません。');
  });

  it('says when nothing has arrived', async () => {
    renderPage([]);
    expect(await screen.findByText(/まだコンタクト依頼は届いていません。/)).toBeInTheDocument();
  });
});
