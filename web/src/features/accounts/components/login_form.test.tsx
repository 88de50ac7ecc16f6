import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/api_error';
import type { Credentials, SessionUser } from '../../../shared/session/session_api';
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

function renderForm(logIn = vi.fn<(credentials: Credentials) => Promise<SessionUser>>()) {
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

  describe('with a second factor', () => {
    const CODE_MESSAGE = '認証アプリに表示されている6桁の確認コードを入力してください。';

    function secondFactorRequired(): ApiError {
      return new ApiError({
        status: 401,
        code: 'second_factor_required',
        message: CODE_MESSAGE,
        fields: { code: CODE_MESSAGE },
        hasServerMessage: true,
      });
    }

    async function passFirstStep(logIn: ReturnType<typeof vi.fn<(credentials: Credentials) => Promise<SessionUser>>>) {
      const rendered = renderForm(logIn);
      await rendered.user.type(screen.getByLabelText(/ユーザID または メールアドレス/), 'coord-tokyo-01');
      await rendered.user.type(screen.getByLabelText(/^パスワード/), 'Kakehashi2026');
      await rendered.user.click(screen.getByRole('button', { name: 'ログイン' }));
      return rendered;
    }

    it('asks for the code on a second step, with focus on the field and no error shown', async () => {
      const logIn = vi.fn<(credentials: Credentials) => Promise<SessionUser>>().mockRejectedValueOnce(secondFactorRequired());
      await passFirstStep(logIn);

      const code = await screen.findByLabelText(/^確認コード/);
      await waitFor(() => expect(code).toHaveFocus());
      expect(code).toHaveAttribute('inputmode', 'numeric');
      expect(code).toHaveAttribute('autocomplete', 'one-time-code');
      expect(code).toHaveAttribute('aria-required', 'true');
      expect(code).not.toHaveAttribute('aria-invalid');
      // The hint is all the field is described by: no error message.
      expect(describedErrorText(code)).toBe('認証アプリ（Google Authenticator など）に表示されている6桁の数字');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(screen.queryByLabelText(/^パスワード/)).not.toBeInTheDocument();
      expect(screen.getByText(/ユーザID「coord-tokyo-01」のパスワードを確認しました。/)).toBeInTheDocument();
      expect(logIn).toHaveBeenCalledWith({ login: 'coord-tokyo-01', password: 'Kakehashi2026' });
    });

    it('sends the kept ID and password with the code, typed in full-width digits and spaces', async () => {
      const logIn = vi.fn<(credentials: Credentials) => Promise<SessionUser>>().mockRejectedValueOnce(secondFactorRequired()).mockResolvedValueOnce(USER);
      const { onLoggedIn, user } = await passFirstStep(logIn);

      await user.type(await screen.findByLabelText(/^確認コード/), '１２３ ４５６');
      await user.click(screen.getByRole('button', { name: '確認してログイン' }));

      await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(USER));
      expect(logIn).toHaveBeenLastCalledWith({ login: 'coord-tokyo-01', password: 'Kakehashi2026', code: '123456' });
    });

    it('checks the code before sending it', async () => {
      const logIn = vi.fn<(credentials: Credentials) => Promise<SessionUser>>().mockRejectedValueOnce(secondFactorRequired());
      const { user } = await passFirstStep(logIn);

      await user.type(await screen.findByLabelText(/^確認コード/), '12345');
      await user.click(screen.getByRole('button', { name: '確認してログイン' }));

      const code = screen.getByLabelText(/^確認コード/);
      await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
      expect(describedErrorText(code)).toContain('確認コードは6桁の数字で入力してください。');
      expect(logIn).toHaveBeenCalledTimes(1);
    });

    it("shows a wrong code's message at the field and moves focus there", async () => {
      const wrong = '確認コードが正しくありません。もう一度入力してください。';
      const logIn = vi
        .fn<(credentials: Credentials) => Promise<SessionUser>>()
        .mockRejectedValueOnce(secondFactorRequired())
        .mockRejectedValueOnce(
          new ApiError({ status: 401, code: 'invalid_second_factor', message: wrong, fields: { code: wrong }, hasServerMessage: true }),
        );
      const { user } = await passFirstStep(logIn);

      const code = await screen.findByLabelText(/^確認コード/);
      await user.type(code, '000000');
      await user.click(screen.getByRole('button', { name: '確認してログイン' }));

      await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
      expect(describedErrorText(code)).toContain(wrong);
      await waitFor(() => expect(code).toHaveFocus());
    });

    it('goes back to the ID and password, kept as typed, with focus on the ID', async () => {
      const logIn = vi.fn<(credentials: Credentials) => Promise<SessionUser>>().mockRejectedValueOnce(secondFactorRequired());
      const { user } = await passFirstStep(logIn);

      await user.click(await screen.findByRole('button', { name: 'ユーザID・パスワードの入力に戻る' }));

      const login = screen.getByLabelText(/ユーザID または メールアドレス/);
      await waitFor(() => expect(login).toHaveFocus());
      expect(login).toHaveValue('coord-tokyo-01');
      expect(screen.getByLabelText(/^パスワード/)).toHaveValue('Kakehashi2026');
      expect(screen.queryByLabelText(/^確認コード/)).not.toBeInTheDocument();
    });
  });
});
