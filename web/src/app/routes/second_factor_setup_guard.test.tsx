import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { apiRequest } from '../../shared/api/api_client';
import { CURRENT_USER_QUERY_KEY } from '../../shared/session/use_session';
import { createQueryClient } from '../query_client';
import { SecondFactorSetupGuard } from './second_factor_setup_guard';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** /me of a coordinator; `restricted()` is the server's second_factor_setup_required at the time of asking. */
function answerMe(restricted: boolean | (() => boolean)) {
  const isRestricted = typeof restricted === 'function' ? restricted : () => restricted;
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    if (String(input) === '/api/v1/me') {
      return jsonResponse(meBody(isRestricted()));
    }
    return jsonResponse({ error: { code: 'second_factor_setup_required', message: '二要素認証の設定が必要です。' } }, 403);
  });
}

function meBody(restricted: boolean) {
  return {
    user: {
      id: 'usr_1',
      login: 'coord-tokyo-01',
      email: 'coord@example.jp',
      display_name: '調整 花子',
      role: 'coordinator',
      organisations: [],
      second_factor: { enabled: !restricted, required: true },
    },
    csrf_token: 'csrf-1',
    second_factor_setup_required: restricted,
  };
}

/** A page that reads something the server refuses to a restricted session. */
function ApplicationsPage() {
  const applications = useQuery({ queryKey: ['applications'], queryFn: () => apiRequest('GET', '/api/v1/applications') });
  return <h1>{applications.isError ? '応募一覧（エラー）' : '応募一覧'}</h1>;
}

function CurrentPath() {
  return <p data-testid="path">{useLocation().pathname}</p>;
}

function renderAt(path: string, queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <SecondFactorSetupGuard>
          <Routes>
            <Route path="/" element={<h1>ホーム</h1>} />
            <Route path="/postings" element={<h1>求人検索</h1>} />
            <Route path="/applications/:id" element={<h1>応募の詳細</h1>} />
            <Route path="/applications" element={<ApplicationsPage />} />
            <Route path="/account" element={<h1>アカウント設定</h1>} />
          </Routes>
        </SecondFactorSetupGuard>
        <CurrentPath />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return queryClient;
}

describe('SecondFactorSetupGuard', () => {
  it.each(['/', '/postings', '/applications/app_1'])('sends a restricted session from %s to the account page', async (path) => {
    answerMe(true);
    renderAt(path);
    expect(await screen.findByRole('heading', { name: 'アカウント設定' })).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent('/account');
  });

  it('leaves a restricted session on the account page', async () => {
    answerMe(true);
    const queryClient = renderAt('/account');
    await waitFor(() => expect(queryClient.getQueryState(CURRENT_USER_QUERY_KEY)?.status).toBe('success'));
    expect(screen.getByRole('heading', { name: 'アカウント設定' })).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent('/account');
  });

  it('lets a session with its second factor go anywhere', async () => {
    answerMe(false);
    const queryClient = renderAt('/postings');
    await waitFor(() => expect(queryClient.getQueryState(CURRENT_USER_QUERY_KEY)?.status).toBe('success'));
    expect(screen.getByRole('heading', { name: '求人検索' })).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent('/postings');
  });

  it('reads /me again when a call is refused for want of a second factor, and then sends the user to set one up', async () => {
    // The server began to enforce second factors after this page read /me.
    let enforced = false;
    answerMe(() => enforced);
    const queryClient = createQueryClient();
    queryClient.setDefaultOptions({ queries: { retry: false } });
    queryClient.setQueryData(CURRENT_USER_QUERY_KEY, { ...meBody(false).user, second_factor_setup_required: false });
    enforced = true;

    renderAt('/applications', queryClient);

    expect(await screen.findByRole('heading', { name: 'アカウント設定' })).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent('/account');
  });
});
