import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fullPosting, maskedPosting } from '../../../shared/postings/testing/posting_fixtures';
import { PostingDetail } from './posting_detail';

const NOTICE = 'この求人は医療機関の希望により、医療機関名・所在地・連絡先を非公開にしています。マッチング成立後に開示されます。';

function renderDetail(posting = maskedPosting()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return render(<PostingDetail posting={posting} />, { wrapper });
}

describe('PostingDetail', () => {
  beforeEach(() => {
    // The category names come from the reference API; the test answers with none, so the server's name is used.
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"items":[],"total":0}', { status: 200 }));
  });

  it('shows one notice for a masked posting and no row, label or placeholder for the hidden values', () => {
    const { container } = renderDetail(maskedPosting());

    expect(screen.getByText(NOTICE)).toBeInTheDocument();
    expect(screen.getAllByText(NOTICE)).toHaveLength(1);
    // The withheld parts have no labels at all…
    for (const label of ['医療機関', '郵便番号', '所在地', '二次医療圏', '担当者名', '担当部署・所在地', '電話番号', 'メールアドレス']) {
      expect(screen.queryByText(label, { selector: 'dt' })).toBeNull();
    }
    expect(screen.queryByRole('heading', { name: '連絡先' })).toBeNull();
    // …and no value cell is empty or a stand-in.
    for (const value of container.querySelectorAll('dd')) {
      expect(value.textContent?.trim()).not.toBe('');
      expect(value.textContent).not.toMatch(/^[-—–]$|undefined|null|非公開/);
    }
    // The prefecture is always shown.
    expect(screen.getByText('都道府県', { selector: 'dt' })).toBeInTheDocument();
    expect(screen.getByText('東京都')).toBeInTheDocument();
  });

  it('shows everything, without the notice, to a viewer who gets the whole posting', () => {
    renderDetail(fullPosting());

    expect(screen.queryByText(NOTICE)).toBeNull();
    expect(screen.getByText('千代田区神田さくら病院')).toBeInTheDocument();
    expect(screen.getByText('東京都千代田区千代田1-1')).toBeInTheDocument();
    expect(screen.getByText('採用担当 山田')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '03-1234-5678' })).toHaveAttribute('href', 'tel:0312345678');
    expect(screen.getByRole('link', { name: 'recruit@example.jp' })).toHaveAttribute('href', 'mailto:recruit@example.jp');
  });

  it('shows free text as text, keeping line breaks and never rendering markup', () => {
    const { container } = renderDetail(fullPosting({ duties: '1行目\n<script>alert(1)</script><b>太字</b>' }));

    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    const duties = screen.getByText((_, element) => element?.tagName === 'P' && element.textContent === '1行目\n<script>alert(1)</script><b>太字</b>');
    expect(duties).toHaveClass('whitespace-pre-wrap');
  });

  it('leaves out optional values that are not set, rather than showing empty rows', () => {
    renderDetail(fullPosting({ benefits: null, hours: null, end_date: null }));
    expect(screen.queryByText('待遇・福利厚生', { selector: 'dt' })).toBeNull();
    expect(screen.queryByText('勤務時間', { selector: 'dt' })).toBeNull();
    expect(screen.queryByText('勤務終了日', { selector: 'dt' })).toBeNull();
  });
});
