import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ManagedUser } from '../api/users_api';
import { jsonResponse } from '../testing/reference_answers';
import { UserTable } from './user_table';

function managedUser(fields: Partial<ManagedUser> & Pick<ManagedUser, 'id' | 'login' | 'role'>): ManagedUser {
  return {
    email: `${fields.login}@example.jp`,
    display_name: '担当 太郎',
    status: 'active',
    organisations: [],
    second_factor_enabled: false,
    ...fields,
  };
}

const USERS: ManagedUser[] = [
  managedUser({ id: 'usr_coord', login: 'coord-nurse-13', display_name: '看護 花子', role: 'coordinator', second_factor_enabled: true }),
  managedUser({ id: 'usr_fac', login: 'fac-tokyo-01', role: 'facility' }),
  managedUser({ id: 'usr_sec', login: 'sec-admin', role: 'secretariat', second_factor_enabled: true }),
  managedUser({ id: 'usr_new', login: 'fac-osaka-02', role: 'facility', status: 'invited' }),
  managedUser({ id: 'usr_off', login: 'fac-kyoto-03', role: 'facility', status: 'disabled' }),
  managedUser({ id: 'usr_wait', login: 'seeker-04', role: 'seeker', status: 'pending' }),
];

/** The logged-in secretariat user (GET /api/v1/me), who is also a row of the list. */
const ME = {
  user: { id: 'usr_sec', login: 'sec-admin', email: 'sec-admin@example.jp', display_name: '事務局 一郎', role: 'secretariat', organisations: [] },
  csrf_token: 'csrf-test',
};

/** A refusal the server gives to PATCH /api/v1/users/{id} instead of changing the status. */
interface Refusal {
  status: number;
  body: unknown;
}

function renderTable(options: { refusal?: Refusal } = {}) {
  let listed = USERS;
  const deleted: string[] = [];
  const patched: { id: string; body: unknown }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = String(input);
    if (path === '/api/v1/me') {
      return jsonResponse(ME);
    }
    if (path.startsWith('/api/v1/users?')) {
      return jsonResponse({ items: listed, total: listed.length });
    }
    const single = /^\/api\/v1\/users\/([^/?]+)$/.exec(path);
    if (single !== null && init?.method === 'PATCH') {
      const id = decodeURIComponent(single[1] ?? '');
      const body = JSON.parse(String(init.body)) as { status: string };
      patched.push({ id, body });
      if (options.refusal !== undefined) {
        return jsonResponse(options.refusal.body, options.refusal.status);
      }
      listed = listed.map((entry) => (entry.id === id ? { ...entry, status: body.status } : entry));
      return jsonResponse(listed.find((entry) => entry.id === id));
    }
    const reset = /^\/api\/v1\/users\/([^/]+)\/second-factor$/.exec(path);
    if (reset !== null && init?.method === 'DELETE') {
      const id = decodeURIComponent(reset[1] ?? '');
      deleted.push(id);
      listed = listed.map((entry) => (entry.id === id ? { ...entry, second_factor_enabled: false } : entry));
      return new Response(null, { status: 204 });
    }
    return jsonResponse({ error: { code: 'not_found', message: '見つかりません。' } }, 404);
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <UserTable />
    </QueryClientProvider>,
  );
  return { deleted, patched, user: userEvent.setup() };
}

/** The wide table; the phone card list holds the same rows. */
async function findTable() {
  return within(await screen.findByRole('table'));
}

function rowOf(table: ReturnType<typeof within>, login: string): HTMLElement {
  const row = table.getByText(login).closest('tr');
  if (row === null) throw new Error(`no row for ${login}`);
  return row;
}

describe('UserTable', () => {
  it('shows whether each user has a second factor, with a reset only for those who have one', async () => {
    renderTable();
    const table = await findTable();
    expect(table.getByRole('columnheader', { name: '二要素認証' })).toBeInTheDocument();
    expect(rowOf(table, 'coord-nurse-13')).toHaveTextContent('設定済み');
    expect(rowOf(table, 'fac-tokyo-01')).toHaveTextContent('未設定');
    expect(table.getByRole('button', { name: '二要素認証を解除：coord-nurse-13' })).toBeInTheDocument();
    expect(table.queryByRole('button', { name: '二要素認証を解除：fac-tokyo-01' })).not.toBeInTheDocument();
  });

  it('asks first, then turns the second factor off and says so', async () => {
    const { deleted, user } = renderTable();
    const table = await findTable();
    await user.click(table.getByRole('button', { name: '二要素認証を解除：coord-nurse-13' }));

    const heading = screen.getByRole('heading', { name: 'coord-nurse-13の二要素認証の解除' });
    await waitFor(() => expect(heading).toHaveFocus());
    const panel = within(screen.getByRole('region', { name: 'coord-nurse-13の二要素認証の解除' }));
    expect(panel.getByText(/看護 花子さん（coord-nurse-13）の二要素認証を解除します。/)).toBeInTheDocument();
    expect(panel.getByText(/次にログインしたとき、二要素認証を設定し直すまで/)).toBeInTheDocument();
    expect(deleted).toEqual([]);

    await user.click(panel.getByRole('button', { name: '解除する' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('coord-nurse-13の二要素認証を解除しました。');
    await waitFor(() => expect(status).toHaveFocus());
    expect(deleted).toEqual(['usr_coord']);
    expect(screen.queryByRole('region', { name: /の二要素認証の解除$/ })).not.toBeInTheDocument();
    await waitFor(() => expect(rowOf(within(screen.getByRole('table')), 'coord-nurse-13')).toHaveTextContent('未設定'));
  });

  it('closes the confirmation on 「やめる」 and puts focus back on the button that opened it', async () => {
    const { deleted, user } = renderTable();
    const table = await findTable();
    const button = table.getByRole('button', { name: '二要素認証を解除：coord-nurse-13' });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'やめる' }));

    expect(screen.queryByRole('heading', { name: 'coord-nurse-13の二要素認証の解除' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(deleted).toEqual([]);
  });

  it('shows each status in Japanese, with 利用停止 for active and invited users but not the own account, and 利用再開 for stopped ones', async () => {
    renderTable();
    const table = await findTable();
    expect(rowOf(table, 'fac-tokyo-01')).toHaveTextContent('利用中');
    expect(rowOf(table, 'fac-osaka-02')).toHaveTextContent('パスワード未設定');
    expect(rowOf(table, 'fac-kyoto-03')).toHaveTextContent('停止中');
    expect(rowOf(table, 'seeker-04')).toHaveTextContent('メール確認待ち');

    expect(table.getByRole('button', { name: '利用停止：fac-tokyo-01' })).toBeInTheDocument();
    expect(table.getByRole('button', { name: '利用停止：fac-osaka-02' })).toBeInTheDocument();
    expect(table.queryByRole('button', { name: '利用再開：fac-tokyo-01' })).not.toBeInTheDocument();
    expect(table.getByRole('button', { name: '利用再開：fac-kyoto-03' })).toBeInTheDocument();
    expect(table.queryByRole('button', { name: '利用停止：fac-kyoto-03' })).not.toBeInTheDocument();
    expect(within(rowOf(table, 'seeker-04')).queryByRole('button', { name: /^利用(停止|再開)/ })).not.toBeInTheDocument();

    // The logged-in secretariat user's own row (known once /me has answered) offers no way to stop themselves.
    await waitFor(() => expect(table.queryByRole('button', { name: '利用停止：sec-admin' })).not.toBeInTheDocument());
    expect(within(rowOf(table, 'sec-admin')).queryByRole('button', { name: /^利用(停止|再開)/ })).not.toBeInTheDocument();
    expect(rowOf(table, 'sec-admin')).toHaveTextContent('利用中');
  });

  it('asks first, then stops the user and says so', async () => {
    const { patched, user } = renderTable();
    const table = await findTable();
    await user.click(table.getByRole('button', { name: '利用停止：fac-tokyo-01' }));

    const heading = screen.getByRole('heading', { name: 'fac-tokyo-01の利用停止' });
    await waitFor(() => expect(heading).toHaveFocus());
    const panel = within(screen.getByRole('region', { name: 'fac-tokyo-01の利用停止' }));
    expect(panel.getByText('利用を停止すると、このユーザはすぐにログアウトされ、ログインできなくなります。')).toBeInTheDocument();
    expect(panel.getByRole('button', { name: 'やめる' })).toBeInTheDocument();
    expect(patched).toEqual([]);

    await user.click(panel.getByRole('button', { name: '停止する' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('fac-tokyo-01の利用を停止しました。');
    await waitFor(() => expect(status).toHaveFocus());
    expect(patched).toEqual([{ id: 'usr_fac', body: { status: 'disabled' } }]);
    expect(screen.queryByRole('region', { name: /の利用停止$/ })).not.toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole('table')).getByRole('button', { name: '利用再開：fac-tokyo-01' })).toBeInTheDocument());
    expect(rowOf(within(screen.getByRole('table')), 'fac-tokyo-01')).toHaveTextContent('停止中');
  });

  it('asks first, then lets a stopped user back in and says so', async () => {
    const { patched, user } = renderTable();
    const table = await findTable();
    await user.click(table.getByRole('button', { name: '利用再開：fac-kyoto-03' }));

    const heading = screen.getByRole('heading', { name: 'fac-kyoto-03の利用再開' });
    await waitFor(() => expect(heading).toHaveFocus());
    const panel = within(screen.getByRole('region', { name: 'fac-kyoto-03の利用再開' }));
    expect(panel.getByRole('button', { name: 'やめる' })).toBeInTheDocument();

    await user.click(panel.getByRole('button', { name: '再開する' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('fac-kyoto-03の利用を再開しました。');
    await waitFor(() => expect(status).toHaveFocus());
    expect(patched).toEqual([{ id: 'usr_off', body: { status: 'active' } }]);
    await waitFor(() => expect(rowOf(within(screen.getByRole('table')), 'fac-kyoto-03')).toHaveTextContent('利用中'));
  });

  it('shows the server refusal in the confirmation and keeps it open', async () => {
    const refusal: Refusal = {
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: '入力内容を確認してください。',
          fields: { status: '自分自身の利用は停止できません。ほかの事務局ユーザに依頼してください。' },
        },
      },
    };
    const { patched, user } = renderTable({ refusal });
    const table = await findTable();
    await user.click(table.getByRole('button', { name: '利用停止：fac-tokyo-01' }));
    const panel = within(screen.getByRole('region', { name: 'fac-tokyo-01の利用停止' }));
    await user.click(panel.getByRole('button', { name: '停止する' }));

    const alert = await panel.findByRole('alert');
    expect(alert).toHaveTextContent('入力内容を確認してください。');
    expect(alert).toHaveTextContent('自分自身の利用は停止できません。ほかの事務局ユーザに依頼してください。');
    expect(patched).toEqual([{ id: 'usr_fac', body: { status: 'disabled' } }]);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(panel.getByRole('button', { name: '停止する' })).toBeInTheDocument();
  });

  it('closes the stop confirmation on 「やめる」 and puts focus back on 利用停止', async () => {
    const { patched, user } = renderTable();
    const table = await findTable();
    const button = table.getByRole('button', { name: '利用停止：fac-osaka-02' });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'やめる' }));

    expect(screen.queryByRole('heading', { name: 'fac-osaka-02の利用停止' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(patched).toEqual([]);
  });
});
