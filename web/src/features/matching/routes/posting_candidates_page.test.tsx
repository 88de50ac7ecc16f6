import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { CandidateMatch } from '../api/matching_api';
import { PostingCandidatesPage } from './posting_candidates_page';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function candidate(handle: string, overrides: Partial<CandidateMatch> = {}): CandidateMatch {
  return {
    handle,
    candidate: { handle, categories: ['nurse'], experience_years: 12, prefectures: ['13'] },
    score: 71,
    reasons: ['経験年数が条件を満たす（3年以上）', '希望地域から約40km（車で約50分）'],
    reason_details: [
      { text: '経験年数が条件を満たす（3年以上）', effect: 'plus' },
      { text: '希望地域から約40km（車で約50分）', effect: 'minus' },
    ],
    distance_km: 40,
    in_preferred_area: false,
    experience_years: 12,
    request: null,
    can_request: true,
    ...overrides,
  };
}

const CANDIDATES = {
  items: [
    candidate('求職者-AAAA1111'),
    candidate('求職者-BBBB2222', { can_request: false, note: 'この方は医療機関からのコンタクト依頼を受け付けていません。' }),
    candidate('求職者-CCCC3333', { can_request: false, request: { id: 'fcr_1', state: 'coordinating', state_name: '調整中' }, in_preferred_area: true, distance_km: 0 }),
  ],
  total: 3,
  page: 1,
  per_page: 20,
  requests_left_today: 7,
};

const REQUESTS = {
  items: [
    { id: 'fcr_1', state: 'coordinating', state_name: '調整中', handle: '求職者-CCCC3333', sent_at: '2027-05-01T10:00:00+09:00' },
    { state: 'declined', state_name: '辞退', sent_at: '2027-05-01T09:00:00+09:00' },
  ],
  total: 2,
  declined: 1,
};

type Answer = (init: RequestInit | undefined, url: string) => Response;

function renderPage(answers: Record<string, Answer>, path = '/facility/postings/pst_1/matches') {
  const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const key = `${init?.method ?? 'GET'} ${url.split('?')[0]}`;
    const answer = answers[key];
    return answer !== undefined ? answer(init, url) : jsonResponse({ error: { code: 'not_found', message: '見つかりません。' } }, 404);
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/facility/postings/:id/matches" element={<PostingCandidatesPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return fetchMock;
}

const BASE_ANSWERS: Record<string, Answer> = {
  'GET /api/v1/postings/pst_1': () => jsonResponse({ id: 'pst_1', title: '病棟看護師' }),
  'GET /api/v1/postings/pst_1/matches': () => jsonResponse(CANDIDATES),
  'GET /api/v1/postings/pst_1/contact-requests': () => jsonResponse(REQUESTS),
};

function cardOf(handle: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: handle }).closest('article') as HTMLElement;
}

describe('PostingCandidatesPage', () => {
  it('offers a choice only for candidates who can be asked, and says why not for the others', async () => {
    renderPage(BASE_ANSWERS);
    await screen.findByRole('heading', { level: 3, name: '求職者-AAAA1111' });
    expect(within(cardOf('求職者-AAAA1111')).getByRole('checkbox', { name: '求職者-AAAA1111を選ぶ' })).not.toBeChecked();
    expect(within(cardOf('求職者-AAAA1111')).getByText('約40km（道のりの目安）')).toBeInTheDocument();
    expect(within(cardOf('求職者-BBBB2222')).queryByRole('checkbox')).toBeNull();
    expect(within(cardOf('求職者-BBBB2222')).getByText('この方は医療機関からのコンタクト依頼を受け付けていません。')).toBeInTheDocument();
    const asked = cardOf('求職者-CCCC3333');
    expect(within(asked).queryByRole('checkbox')).toBeNull();
    expect(within(asked).getByText('コンタクト依頼：調整中')).toBeInTheDocument();
    expect(within(asked).getByText('希望地域内')).toBeInTheDocument();
    expect(screen.getByText('この募集で本日送れるコンタクト依頼：あと7件')).toBeInTheDocument();
  });

  it('shows the requests’ states, the declined ones only as a count', async () => {
    renderPage(BASE_ANSWERS);
    const states = await screen.findByRole('region', { name: 'この募集のコンタクト依頼' });
    expect(await within(states).findByText('辞退 1件')).toBeInTheDocument();
    const items = within(states).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('求職者-CCCC3333');
    expect(items[0]).toHaveTextContent('調整中');
  });

  it('sends the chosen handles with the message for the coordinator, and shows the server’s refusal next to the choice', async () => {
    const user = userEvent.setup();
    const bodies: unknown[] = [];
    let refuse = true;
    renderPage({
      ...BASE_ANSWERS,
      'POST /api/v1/postings/pst_1/contact-requests': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        if (refuse) {
          refuse = false;
          return jsonResponse(
            { error: { code: 'validation_failed', message: '入力内容を確認してください。', fields: { candidates: '「求職者-AAAA1111」にはすでにコンタクト依頼を送っています。' } } },
            400,
          );
        }
        return jsonResponse({ items: [{ id: 'fcr_2', state: 'sent', state_name: '送信済み', handle: '求職者-AAAA1111' }] }, 201);
      },
    });
    await user.click(await screen.findByRole('checkbox', { name: '求職者-AAAA1111を選ぶ' }));
    const form = screen.getByRole('region', { name: 'コンタクト依頼を送る' });
    expect(within(form).getByText('選んだ候補者：1人')).toBeInTheDocument();
    expect(within(form).getByText(/このメッセージはコーディネーターに届きます。候補者（求職者）には表示されません。/)).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: 'コーディネーターへのメッセージ（任意）' }), '夜勤なしで相談できます。');
    await user.click(within(form).getByRole('button', { name: 'コンタクト依頼を送る' }));

    const selection = within(form).getByRole('group', { name: '選んだ候補者：1人' });
    await waitFor(() => expect(selection).toHaveAccessibleDescription('「求職者-AAAA1111」にはすでにコンタクト依頼を送っています。'));
    expect(bodies[0]).toEqual({ candidates: ['求職者-AAAA1111'], message: '夜勤なしで相談できます。' });

    await user.click(within(form).getByRole('button', { name: 'コンタクト依頼を送る' }));
    expect(await within(form).findByText(/^1人にコンタクト依頼を送りました。/)).toBeInTheDocument();
    expect(within(form).getByText(/まだ候補者を選んでいません。/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '求職者-AAAA1111を選ぶ' })).not.toBeChecked();
  });

  it('sends the filters to the server and shows a refused one under its field', async () => {
    const user = userEvent.setup();
    const urls: string[] = [];
    renderPage(
      {
        ...BASE_ANSWERS,
        'GET /api/v1/postings/pst_1/matches': (_init, url) => {
          urls.push(url);
          return url.includes('min_score=abc')
            ? jsonResponse({ error: { code: 'validation_failed', message: '入力内容を確認してください。', fields: { min_score: '「一致度の下限」は0から100までの整数で指定してください。' } } }, 400)
            : jsonResponse(CANDIDATES);
        },
      },
      '/facility/postings/pst_1/matches?sort=experience&min_experience=10',
    );
    await screen.findByRole('heading', { level: 3, name: '求職者-AAAA1111' });
    expect(urls[0]).toBe('/api/v1/postings/pst_1/matches?page=1&per_page=20&sort=experience&min_experience=10');
    expect(screen.getByRole('combobox', { name: '並び順' })).toHaveValue('experience');

    await user.type(screen.getByRole('textbox', { name: '一致度の下限（点）' }), 'abc');
    await user.click(screen.getByRole('button', { name: 'この条件で表示する' }));
    const minScore = await screen.findByRole('textbox', { name: '一致度の下限（点）' });
    await waitFor(() => expect(minScore).toHaveAttribute('aria-invalid', 'true'));
    expect(minScore).toHaveAccessibleDescription('0〜100 「一致度の下限」は0から100までの整数で指定してください。');
    expect(urls.at(-1)).toContain('min_score=abc');
  });
});
