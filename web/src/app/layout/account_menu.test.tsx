import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/session/session_api';
import { AccountMenu } from './account_menu';

const USER: SessionUser = { id: 'u1', login: 'fac-tokyo-01', email: 'fac@example.jp', display_name: '東京 太郎', role: 'facility', organisations: [] };

describe('AccountMenu', () => {
  it('leads to the account settings and closes when the link is followed', async () => {
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <AccountMenu user={USER} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const toggle = screen.getByRole('button', { name: /東京 太郎 さん/ });
    await user.click(toggle);
    const link = screen.getByRole('link', { name: 'アカウント設定' });
    expect(link).toHaveAttribute('href', '/account');

    await user.click(link);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
});
