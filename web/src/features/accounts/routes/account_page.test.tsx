import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { useCurrentUser } from '../../../shared/session/use_session';
import { AccountPage } from './account_page';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const OTPAUTH_URI = `otpauth://totp/%E3%81%8B%E3%81%91%E3%81%AF%E3%81%97:coord-tokyo-01?secret=${SECRET}&issuer=%E3%81%8B%E3%81%91%E3%81%AF%E3%81%97`;
const GOOD_CODE = '123456';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function errorResponse(status: number, code: string, message: string, fields?: Record<string, string>): Response {
  return jsonResponse({ error: { code, message, fields } }, status);
}

interface ServerState {
  role: string;
  enabled: boolean;
  required: boolean;
  setupRequired: boolean;
}

/** The server as the account page sees it: /me, the second-factor calls and the password change. */
function mockServer(state: ServerState) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, string>) : undefined;
    if (method !== 'GET') {
      sent.push({ method, path, body });
    }
    if (path === '/api/v1/me' && method === 'GET') {
      return jsonResponse({
        user: {
          id: 'usr_1',
          login: 'coord-tokyo-01',
          email: 'coord@example.jp',
          display_name: '調整 花子',
          role: state.role,
          organisations: [],
          second_factor: { enabled: state.enabled, required: state.required },
        },
        csrf_token: 'csrf-1',
        second_factor_setup_required: state.setupRequired,
      });
    }
    if (path === '/api/v1/me/second-factor' && method === 'POST') {
      return jsonResponse({ secret: SECRET, otpauth_uri: OTPAUTH_URI }, 201);
    }
    if (path === '/api/v1/me/second-factor/confirm' && method === 'POST') {
      if (body?.code !== GOOD_CODE) {
        return errorResponse(400, 'validation_failed', '入力内容を確認してください。', { code: '確認コードが正しくありません。' });
      }
      state.enabled = true;
      state.setupRequired = false;
      return jsonResponse({ enabled: true });
    }
    if (path === '/api/v1/me/second-factor/disable' && method === 'POST') {
      state.enabled = false;
      return jsonResponse({ enabled: false });
    }
    if (path === '/api/v1/me/password' && method === 'PUT') {
      if (body?.current_password !== 'Kakehashi2026') {
        return errorResponse(400, 'validation_failed', '入力内容を確認してください。', { current_password: '現在のパスワードが正しくありません。' });
      }
      return jsonResponse({ status: 'password_changed' });
    }
    return errorResponse(404, 'not_found', '見つかりません。');
  });
  return sent;
}

/** The page as the router shows it: with the user /me gives, so a change of the second factor shows once /me says so. */
function PageWithSession() {
  const currentUser = useCurrentUser();
  return currentUser.data ? <AccountPage user={currentUser.data} /> : null;
}

function renderPage(state: Partial<ServerState> = {}) {
  const sent = mockServer({ role: 'coordinator', enabled: false, required: true, setupRequired: false, ...state });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/account']}>
        <PageWithSession />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { sent, user: userEvent.setup() };
}

function secondFactorRegion(): ReturnType<typeof within> {
  return within(screen.getByRole('region', { name: '二要素認証' }));
}

describe('AccountPage', () => {
  it('shows the status of the second factor and that the role must have one', async () => {
    renderPage({ enabled: false, required: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'アカウント設定' })).toBeInTheDocument();
    const region = secondFactorRegion();
    expect(region.getByText('未設定')).toBeInTheDocument();
    expect(region.getByText('このアカウントでは必須です')).toBeInTheDocument();
    expect(region.getByRole('button', { name: '二要素認証を設定する' })).toBeInTheDocument();
    expect(region.queryByRole('button', { name: '二要素認証を解除する' })).not.toBeInTheDocument();
  });

  it('sets up the second factor: QR code and grouped key, then the code is sent and the status changes', async () => {
    const { sent, user } = renderPage({ enabled: false, required: true });
    await user.click(await screen.findByRole('button', { name: '二要素認証を設定する' }));

    const heading = await screen.findByRole('heading', { name: '認証アプリの設定' });
    await waitFor(() => expect(heading).toHaveFocus());
    const qr = screen.getByRole('img', { name: '認証アプリで読み取るQRコード' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'キーをコピー' }));
    expect(await screen.findByText('セットアップキーをコピーしました。')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe(SECRET);

    const code = screen.getByLabelText(/^確認コード/);
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: '設定を完了する' }));
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(code).toHaveFocus());

    await user.clear(code);
    await user.type(code, GOOD_CODE);
    await user.click(screen.getByRole('button', { name: '設定を完了する' }));

    const done = await screen.findByText('二要素認証を設定しました。次回から、ログイン時に確認コードが必要です。');
    await waitFor(() => expect(done.closest('[role="status"]')).toHaveFocus());
    expect(sent).toEqual([
      { method: 'POST', path: '/api/v1/me/second-factor', body: {} },
      { method: 'POST', path: '/api/v1/me/second-factor/confirm', body: { code: '000000' } },
      { method: 'POST', path: '/api/v1/me/second-factor/confirm', body: { code: GOOD_CODE } },
    ]);
    const region = secondFactorRegion();
    expect(region.getByText('設定済み')).toBeInTheDocument();
    expect(region.queryByRole('img', { name: '認証アプリで読み取るQRコード' })).not.toBeInTheDocument();
    // Required for coordinators: nothing offers to turn it off.
    expect(region.queryByRole('button', { name: '二要素認証を解除する' })).not.toBeInTheDocument();
  });

  it('shows a restricted session only the notice and the second factor, and lets it go once set up', async () => {
    const { user } = renderPage({ enabled: false, required: true, setupRequired: true });
    expect(
      await screen.findByText('事務局・コーディネーターのアカウントは二要素認証の設定が必要です。設定が終わるまで、ほかの画面は使えません。'),
    ).toBeInTheDocument();
    // The server refuses a password change until then, so it is not offered.
    expect(screen.queryByRole('region', { name: 'パスワードの変更' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '二要素認証を設定する' }));
    await user.type(await screen.findByLabelText(/^確認コード/), GOOD_CODE);
    await user.click(screen.getByRole('button', { name: '設定を完了する' }));

    await screen.findByText('二要素認証を設定しました。次回から、ログイン時に確認コードが必要です。');
    await waitFor(() => expect(screen.queryByText(/設定が終わるまで、ほかの画面は使えません。/)).not.toBeInTheDocument());
    expect(screen.getByRole('region', { name: 'パスワードの変更' })).toBeInTheDocument();
  });

  it('turns an optional second factor off with the password and a code', async () => {
    const { sent, user } = renderPage({ role: 'facility', enabled: true, required: false });
    const region = within(await screen.findByRole('region', { name: '二要素認証' }));
    expect(region.getByText('設定済み')).toBeInTheDocument();
    expect(region.queryByText('このアカウントでは必須です')).not.toBeInTheDocument();

    await user.type(region.getByLabelText(/^パスワード/), 'Kakehashi2026');
    await user.type(region.getByLabelText(/^確認コード/), '654321');
    await user.click(region.getByRole('button', { name: '二要素認証を解除する' }));

    expect(await screen.findByText('二要素認証を解除しました。')).toBeInTheDocument();
    expect(sent).toEqual([{ method: 'POST', path: '/api/v1/me/second-factor/disable', body: { password: 'Kakehashi2026', code: '654321' } }]);
    await waitFor(() => expect(region.getByText('未設定')).toBeInTheDocument());
    expect(region.getByRole('button', { name: '二要素認証を設定する' })).toBeInTheDocument();
  });

  it('changes the password, with the server’s message under the current password when it is wrong', async () => {
    const { sent, user } = renderPage({ role: 'facility', enabled: false, required: false });
    const region = within(await screen.findByRole('region', { name: 'パスワードの変更' }));
    const current = region.getByLabelText(/^現在のパスワード/);
    await user.type(current, 'wrong');
    await user.type(region.getByLabelText(/^新しいパスワード(?!（確認）)/), 'Hashi2027new');
    await user.type(region.getByLabelText(/^新しいパスワード（確認）/), 'Hashi2027new');
    await user.click(region.getByRole('button', { name: 'パスワードを変更する' }));

    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    expect(document.getElementById(`${current.id}-error`)).toHaveTextContent('現在のパスワードが正しくありません。');
    // The error summary links to the field.
    await user.click(region.getByLabelText(/^新しいパスワード（確認）/));
    await user.click(region.getByRole('link', { name: '現在のパスワードが正しくありません。' }));
    expect(current).toHaveFocus();

    await user.clear(current);
    await user.type(current, 'Kakehashi2026');
    await user.click(region.getByRole('button', { name: 'パスワードを変更する' }));

    expect(await region.findByText('パスワードを変更しました。ほかの端末でのログインは終了しました。')).toBeInTheDocument();
    expect(sent.map((request) => request.body)).toEqual([
      { current_password: 'wrong', new_password: 'Hashi2027new' },
      { current_password: 'Kakehashi2026', new_password: 'Hashi2027new' },
    ]);
    expect(current).toHaveValue('');
  });
});
