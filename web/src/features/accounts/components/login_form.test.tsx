import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/api_error';
import type { SessionUser } from '../../../shared/session/session_api';
import { LoginForm } from './login_form';

const USER: SessionUser = {
  id: 'u1',
  login: 'fac-tokyo-01',
  email: 'fac@example.jp',
  display_name: '東京 太郎',
  role: 'facility',
  organisations: [],
};

/** The error text an input is described by, following aria-describedby like a screen reader does. */
function describedErrorText(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function renderForm(logIn = vi.fn<(credentials: { login: string; password: string }) => Promise<SessionUser>>()) {
  const onLoggedIn = vi.fn();
  render(<LoginForm logIn={logIn} onLoggedIn={onLoggedIn} />);
  return { logIn, onLoggedIn, user: userEvent.setup() };
}

describe('LoginForm', () => {
  it('has labelled, required fields for the ID and the password', () => {
    renderForm();
    const login = screen.getByLabelText(/ユーザID または メールアドレス/);
    const password = screen.getByLabelText(/^パスワード/);
    expect(login).toHaveAttribute('autocomplete', 'username');
    expect(login).toHaveAttribute('aria-required', 'true');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
  });

  it('shows an error under each empty field, bound to it, without calling the server', async () => {
    const { logIn, user } = renderForm();

    await user.click(screen.getByRole('button', { name: 'ログイン' }));

    const login = screen.getByLabelText(/ユーザID または メールアドレス/);
    const password = screen.getByLabelText(/^パスワード/);
    expect(login).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(describedErrorText(login)).toContain('ユーザID または メールアドレスを入力してください。');
    expect(describedErrorText(password)).toContain('パスワードを入力してください。');
    // The summary and each field message are announced.
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      '入力内容に誤りがあります。各項目のメッセージを確認してください。',
      '＊ユーザID または メールアドレスを入力してください。',
      '＊パスワードを入力してください。',
    ]);
    expect(logIn).not.toHaveBeenCalled();
    await waitFor(() => expect(login).toHaveFocus());
  });

  it("shows the server's message when the credentials are refused, and moves focus to it", async () => {
    const logIn = vi.fn().mockRejectedValue(
      new ApiError({
        status: 401,
        code: 'invalid_credentials',
        message: 'ユーザID またはパスワードが正しくありません。',
        hasServerMessage: true,
      }),
    );
    const { user } = renderForm(logIn);

    await user.type(screen.getByLabelText(/ユーザID または メールアドレス/), 'fac-tokyo-01');
    await user.type(screen.getByLabelText(/^パスワード/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'ログイン' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('ユーザID またはパスワードが正しくありません。');
    expect(logIn).toHaveBeenCalledWith({ login: 'fac-tokyo-01', password: 'wrong' });
    await waitFor(() => expect(alert).toHaveFocus());
  });

  it("binds the server's field messages to their inputs", async () => {
    const logIn = vi.fn().mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'validation_failed',
        message: '入力内容を確認してください。',
        fields: { password: 'パスワードが長すぎます。' },
        hasServerMessage: true,
      }),
    );
    const { user } = renderForm(logIn);

    await user.type(screen.getByLabelText(/ユーザID または メールアドレス/), 'fac-tokyo-01');
    await user.type(screen.getByLabelText(/^パスワード/), 'x');
    await user.click(screen.getByRole('button', { name: 'ログイン' }));

    const password = screen.getByLabelText(/^パスワード/);
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(describedErrorText(password)).toContain('パスワードが長すぎます。');
    expect(screen.getByLabelText(/ユーザID または メールアドレス/)).not.toHaveAttribute('aria-invalid');
  });

  it('trims the ID and reports the logged-in user', async () => {
    const { logIn, onLoggedIn, user } = renderForm(vi.fn().mockResolvedValue(USER));

    await user.type(screen.getByLabelText(/ユーザID または メールアドレス/), '  fac-tokyo-01 ');
    await user.type(screen.getByLabelText(/^パスワード/), 'Kakehashi2026');
    await user.click(screen.getByRole('button', { name: 'ログイン' }));

    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(USER));
    expect(logIn).toHaveBeenCalledWith({ login: 'fac-tokyo-01', password: 'Kakehashi2026' });
  });
});
