import { describe, expect, it } from 'vitest';
import type { CareerStatistics } from './api/careers_api';
import { statisticsCharts } from './statistics_charts';

const t = (key: string) => key;

const stats: CareerStatistics = {
  statuses: [
    { code: 'obligation', label: '義務勤務' },
    { code: 'withdrawn', label: '離脱' },
  ],
  by_area: [
    { specialty: '内科', area: '県北', status_label: '義務勤務', count: 2 },
    { specialty: '内科', area: '県西', status_label: '義務勤務', count: 1 },
    { specialty: '外科', area: '未定', status_label: '離脱', count: 1 },
  ],
  by_cohort: [
    { cohort: 2024, obligation: 2, withdrawn: 0, total: 2, completion_rate: 0, withdrawal_rate: 0 },
    { cohort: 2020, obligation: 1, withdrawn: 1, total: 2, completion_rate: 0, withdrawal_rate: 50 },
  ],
  by_kind: [],
  by_shortage: [
    { programme_id: 'p1', programme_name: '総合内科', area_code: null, area: '計', total: true, doctors: 2, months: 30, target: 96, rate: 31.3 },
    { programme_id: 'p1', programme_name: '総合内科', area_code: '0901', area: '県北', total: false, doctors: 2, months: 30, target: 96, rate: 31.3 },
  ],
  total: 4,
};

describe('the statistics charts', () => {
  it('draw the same numbers as the tables', () => {
    const { bySpecialty, byCohort, byShortage } = statisticsCharts(stats, t);
    // 診療科 × 状況: summed over the areas, one stacked series per status.
    expect(bySpecialty.xAxis).toMatchObject({ data: ['内科', '外科'] });
    expect(bySpecialty.series).toMatchObject([
      { name: '義務勤務', stack: 'status', data: [3, 0] },
      { name: '離脱', stack: 'status', data: [0, 1] },
    ]);
    // Cohorts oldest first, the rates in per cent.
    expect(byCohort.xAxis).toMatchObject({ data: ['2020', '2024'] });
    expect(byCohort.series).toMatchObject([{ data: [0, 0] }, { data: [50, 0] }]);
    // The programmes' totals only: months against the target.
    expect(byShortage.yAxis).toMatchObject({ type: 'category', data: ['総合内科'] });
    expect(byShortage.series).toMatchObject([{ data: [30] }, { data: [96] }]);
  });
});
