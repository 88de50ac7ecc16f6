import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../shared/session/session_api';
import type { SeekerProfile } from '../api/profile_api';
import { ProfilePage } from './profile_page';

const USER: SessionUser = { id: 'u1', login: 'hanako@example.jp', email: 'hanako@example.jp', display_name: '山田 花子', role: 'seeker', organisations: [] };

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderPage(profile: () => Response) {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const path = String(input).split('?')[0] ?? '';
    return path === '/api/v1/me/profile' ? profile() : jsonResponse({ items: [], total: 0 });
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <ProfilePage user={USER} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const PSEUDONYM_NOTE = '医療機関には、あなたの氏名ではなく「求職者-」で始まる仮の名前が表示されます。仮の名前は医療機関ごとに違います。';

describe('ProfilePage', () => {
  it('says that every facility sees a pseudonym of its own, and what it sees before a match', async () => {
    renderPage(() => jsonResponse({ error: { code: 'not_found', message: '見つかりません。' } }, 404));
    expect(await screen.findByText(PSEUDONYM_NOTE)).toBeInTheDocument();
    expect(
      screen.getByText(
        '医療機関に表示されるのは、仮の名前と、資格・診療科・経験年数・希望条件だけです。氏名、電話番号、免許、自由記述は、マッチングが成立するまで医療機関には表示されません。',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/「応募・問い合わせ」から、その医療機関の求人への問い合わせや応募を開くと確認できます。/)).toBeInTheDocument();
  });

  it('does not present the seeker’s own reference as the name facilities see', async () => {
    const profile: SeekerProfile = {
      handle: '求職者-ABCDEFGH',
      name: '山田 花子',
      phone: null,
      categories: ['nurse'],
      licences: [],
      specialties: [],
      experience_years: 5,
      employment: ['fixed_term'],
      available_from: null,
      period_months_max: null,
      weekdays: ['mon'],
      night_duty: false,
      prefectures: ['13'],
      areas: [],
      full_time: true,
      career_support: 'none',
      notes: null,
      notify: 'immediate',
    };
    renderPage(() => jsonResponse(profile));
    expect(await screen.findByText(PSEUDONYM_NOTE)).toBeInTheDocument();
    expect(screen.queryByText(/求職者-ABCDEFGH/)).toBeNull();
    expect(screen.queryByText(/医療機関に表示される名前:/)).toBeNull();
  });
});
