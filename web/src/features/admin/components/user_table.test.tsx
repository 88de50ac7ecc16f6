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
];

function renderTable() {
  let listed = USERS;
  const deleted: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const path = String(input);
    if (path.startsWith('/api/v1/users?')) {
      return jsonResponse({ items: listed, total: listed.length });
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
  return { deleted, user: userEvent.setup() };
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
});
