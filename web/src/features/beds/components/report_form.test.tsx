import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { BedReference } from '../api/beds_api';
import { ReportForm } from './report_form';

const REFERENCE: BedReference = {
  ward_types: [
    { code: 'general', name: '一般病床' },
    { code: 'recuperation', name: '療養病床' },
    { code: 'icu', name: 'ICU' },
  ],
  patient_categories: [{ code: 'emergency', name: '救急' }],
  statuses: [
    { code: 'ok', name: '可' },
    { code: 'conditional', name: '条件付き' },
    { code: 'no', name: '不可' },
  ],
};

function renderForm() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  render(<ReportForm reference={REFERENCE} latest={null} />, { wrapper });
  return userEvent.setup();
}

function describedText(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('ReportForm', () => {
  it('shows the server’s message for wards.1.vacant at the ICU row when the row in between was left empty', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          error: {
            code: 'validation_failed',
            message: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
            fields: { 'wards.1.vacant': '「ICU」の空床数が許可病床数を超えています。' },
          },
        }),
        { status: 400 },
      ),
    );
    const user = renderForm();
    await user.type(screen.getByLabelText('一般病床の許可病床数'), '100');
    await user.type(screen.getByLabelText('一般病床の確保病床数'), '10');
    await user.type(screen.getByLabelText('一般病床の空床数'), '５');
    await user.type(screen.getByLabelText('ICUの許可病床数'), '4');
    await user.type(screen.getByLabelText('ICUの確保病床数'), '1');
    await user.type(screen.getByLabelText('ICUの空床数'), '9');
    await user.click(screen.getByRole('button', { name: '報告する' }));

    const icuVacant = screen.getByLabelText('ICUの空床数');
    await waitFor(() => expect(icuVacant).toHaveAttribute('aria-invalid', 'true'));
    expect(describedText(icuVacant)).toContain('「ICU」の空床数が許可病床数を超えています。');
    expect(screen.getByLabelText('一般病床の空床数')).not.toHaveAttribute('aria-invalid');
    // What was typed stays, and only the filled rows were sent.
    expect(icuVacant).toHaveValue('9');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({
      wards: [
        { ward_type: 'general', permitted: 100, secured: 10, vacant: 5 },
        { ward_type: 'icu', permitted: 4, secured: 1, vacant: 9 },
      ],
      acceptance: {},
      note: '',
    });
    // The summary links to the input.
    expect(screen.getByRole('link', { name: '「ICU」の空床数が許可病床数を超えています。' })).toHaveAttribute('href', '#bed-report-ward-icu-vacant');
  });

  it('asks for the missing numbers of a started row before sending anything', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    const user = renderForm();
    await user.type(screen.getByLabelText('療養病床の許可病床数'), '20');
    await user.click(screen.getByRole('button', { name: '報告する' }));

    const secured = screen.getByLabelText('療養病床の確保病床数');
    expect(secured).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(secured)).toContain('許可病床数・確保病床数・空床数の3つを入力してください。');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
