import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BedReport, FacilityBeds } from '../api/beds_api';
import { BedFacilityPage } from './bed_facility_page';

const REPORT: BedReport = {
  id: 'rep_1',
  facility_id: 'org_1',
  reported_at: '2027-01-26T14:05:00+09:00',
  reported_by: '病床 報子（さくら病院）',
  wards: [{ ward_type: 'general', permitted: 100, secured: 10, vacant: 5 }],
  acceptance: {},
  note: null,
};

function facility(history: BedReport[]): FacilityBeds {
  return {
    facility_id: 'org_1',
    name: 'さくら病院',
    prefecture: '13',
    prefecture_name: '東京都',
    latest: history[0] ?? null,
    history,
  };
}

function renderPage(data: FacilityBeds) {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const path = String(input);
    const body = path.startsWith('/api/v1/beds/facilities/')
      ? data
      : { ward_types: [{ code: 'general', name: '一般病床' }], patient_categories: [], statuses: [] };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/beds/facilities/org_1']}>
        <Routes>
          <Route path="/beds/facilities/:id" element={<BedFacilityPage backTo="board" />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('BedFacilityPage', () => {
  it('says there is nothing before the latest report, not that there is no report, under the latest one', async () => {
    renderPage(facility([REPORT]));
    await screen.findByRole('heading', { name: 'これまでの報告' });
    expect(screen.getByText('最新の報告より前の報告はありません。')).toBeInTheDocument();
    expect(screen.queryByText('報告はまだありません。')).not.toBeInTheDocument();
    expect(screen.getByText('2027年1月26日(火) 14:05')).toBeInTheDocument();
  });

  it('says once that nothing was reported yet, without an empty history below it', async () => {
    renderPage(facility([]));
    await screen.findByText('この医療機関はまだ病床状況を報告していません。');
    expect(screen.queryByRole('heading', { name: 'これまでの報告' })).not.toBeInTheDocument();
    expect(screen.queryByText('報告はまだありません。')).not.toBeInTheDocument();
  });
});
