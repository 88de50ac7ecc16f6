import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationSeeker } from '../api/applications_api';
import { disclosedIdentity, identityDisclosedToFacility } from '../seeker_disclosure';
import { SeekerCard } from './seeker_card';

const CONDITIONS: ApplicationSeeker = {
  handle: '求職者-KXHSTYS3',
  categories: ['nurse'],
  specialties: [],
  experience_years: 6,
  employment: ['fixed_term'],
  available_from: '2026-12-02',
  weekdays: ['mon', 'tue'],
  night_duty: false,
  prefectures: ['13'],
  full_time: true,
};

function renderCard(seeker: ApplicationSeeker, ownNote?: string) {
  // The category names come from the reference list; an empty one is enough here.
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ items: [] }), { status: 200 }));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return render(<SeekerCard seeker={seeker} ownNote={ownNote} />, { wrapper });
}

describe('SeekerCard disclosure', () => {
  it('shows the handle and conditions, one note, and no row at all for what was not disclosed', () => {
    const { container } = renderCard(CONDITIONS);
    expect(screen.getByText('求職者-KXHSTYS3')).toBeInTheDocument();
    expect(screen.getByText('氏名・連絡先・免許情報は、マッチング成立後に表示されます。')).toBeInTheDocument();
    const labels = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    for (const label of ['氏名', 'メールアドレス', '電話番号', '免許', '自由記述']) {
      expect(labels).not.toContain(label);
    }
    expect(labels).toContain('経験年数');
    expect(container.textContent).not.toMatch(/非公開|\*\*\*|—/);
  });

  it('shows what the server disclosed, and leaves out a disclosed value that is empty', () => {
    const { container } = renderCard({
      ...CONDITIONS,
      name: '山田 花子',
      email: 'hanako@example.jp',
      phone: null,
      licences: [{ category: 'nurse', number: '1234567' }],
      notes: '',
    });
    expect(screen.getByText('山田 花子')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'hanako@example.jp' })).toHaveAttribute('href', 'mailto:hanako@example.jp');
    expect(screen.getByText('nurse：1234567')).toBeInTheDocument();
    const labels = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(labels).toContain('氏名');
    expect(labels).not.toContain('電話番号');
    expect(labels).not.toContain('自由記述');
    expect(screen.queryByText('氏名・連絡先・免許情報は、マッチング成立後に表示されます。')).toBeNull();
  });

  it('puts the seeker’s own note in place of the facility’s, and names the handle this facility sees in a sentence', () => {
    const { container } = renderCard(
      { ...CONDITIONS, name: '山田 花子', email: 'hanako@example.jp' },
      'この医療機関には、マッチングが成立するまで、上の名前と資格・経験・希望条件だけが表示されます。',
    );
    expect(screen.getByText('この医療機関には、マッチングが成立するまで、上の名前と資格・経験・希望条件だけが表示されます。')).toBeInTheDocument();
    expect(screen.getByText('この医療機関に表示されるあなたの名前: 求職者-KXHSTYS3')).toBeInTheDocument();
    expect(screen.queryByText('氏名・連絡先・免許情報は、マッチング成立後に表示されます。')).toBeNull();
    const labels = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(labels).not.toContain('表示名');
  });

  it('shows the handle as a row, not as “your name”, to everyone else', () => {
    const { container } = renderCard(CONDITIONS);
    expect([...container.querySelectorAll('dt')].map((dt) => dt.textContent)).toContain('表示名');
    expect(screen.queryByText(/あなたの名前/)).toBeNull();
  });
});

describe('disclosedIdentity', () => {
  it('is null when no identity key was sent, and keeps only non-empty values', () => {
    expect(disclosedIdentity(CONDITIONS)).toBeNull();
    expect(disclosedIdentity({ ...CONDITIONS, name: '山田 花子', email: 'a@example.jp', phone: ' ', licences: null, notes: null })).toEqual({
      name: '山田 花子',
      email: 'a@example.jp',
      phone: null,
      licences: [],
      notes: null,
    });
  });

  it('tells the seeker whether the facility knows who they are', () => {
    expect(identityDisclosedToFacility({ matched: false, kind: 'contact_request', consent: false })).toBe(false);
    expect(identityDisclosedToFacility({ matched: false, kind: 'application', consent: true })).toBe(true);
    expect(identityDisclosedToFacility({ matched: true, kind: 'inquiry', consent: false })).toBe(true);
  });
});
