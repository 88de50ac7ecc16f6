import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Application } from '../api/applications_api';
import { StageMoves } from './stage_moves';

function application(stage: string): Application {
  return { id: 'app_1', stage } as Application;
}

function renderMoves(stage: string, role: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const onDone = vi.fn();
  render(<StageMoves application={application(stage)} role={role} onDone={onDone} />, { wrapper });
  return { user: userEvent.setup(), onDone };
}

const buttonNames = () => screen.queryAllByRole('button').map((button) => button.textContent);

describe('StageMoves', () => {
  it('offers each role only its own next stages', () => {
    renderMoves('interviewed', 'facility');
    expect(buttonNames()).toEqual(['内定にする', '不採用にする']);
  });

  it('offers the seeker only 辞退 and 取下げ, each explained in one line', () => {
    renderMoves('coordinating', 'seeker');
    expect(buttonNames()).toEqual(['辞退する', '取り下げる']);
    expect(screen.getByRole('button', { name: '辞退する' })).toHaveAccessibleDescription('辞退：医療機関からの面接や内定の話を断ります。');
    expect(screen.getByRole('button', { name: '取り下げる' })).toHaveAccessibleDescription('取り下げ：応募・問い合わせそのものを取り消します。');
  });

  it('says that an ended application cannot change', () => {
    renderMoves('hired', 'facility');
    expect(buttonNames()).toEqual([]);
    expect(screen.getByText('この応募・問い合わせは終了しています。')).toBeInTheDocument();
  });

  it('confirms a move that ends it, and shows the server’s refusal as it wrote it', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          error: { code: 'validation_failed', message: '入力内容に誤りがあります。', fields: { stage: '「面接済」から「不採用」へは変更できません。' } },
        }),
        { status: 400 },
      ),
    );
    const { user, onDone } = renderMoves('interviewed', 'facility');
    await user.click(screen.getByRole('button', { name: '不採用にする' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByText('不採用にすると、この応募は終了し、元に戻せません。不採用にしてよろしいですか。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'はい、不採用にする' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('「面接済」から「不採用」へは変更できません。');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/applications/app_1');
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body))).toEqual({ stage: 'rejected' });
    expect(onDone).not.toHaveBeenCalled();
  });
});
