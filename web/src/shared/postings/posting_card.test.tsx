import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PostingCard } from './posting_card';
import { fullPosting } from './testing/posting_fixtures';

function renderCard(posting = fullPosting()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  return render(<PostingCard posting={posting} />, { wrapper });
}

describe('PostingCard', () => {
  beforeEach(() => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"items":[],"total":0}', { status: 200 }));
  });

  it('shows the pay when the posting has one, and 急募 as a badge for an urgent posting', () => {
    renderCard(fullPosting({ pay: '時給 2,200円〜\n交通費別途支給', urgency: 'immediate' }));
    expect(screen.getByText('給与', { selector: 'dt' })).toBeInTheDocument();
    expect(screen.getByText('時給 2,200円〜', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.getByText('急募')).toBeInTheDocument();
  });

  it('leaves the pay row out when the posting has none', () => {
    renderCard(fullPosting({ pay: null, urgency: 'regular' }));
    expect(screen.queryByText('給与', { selector: 'dt' })).toBeNull();
    expect(screen.queryByText('急募')).toBeNull();
  });
});
