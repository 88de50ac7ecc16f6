import type { ChartOption } from '../../shared/ui/chart';
import type { CareerStatistics } from './api/careers_api';

/** The axis labels of a category axis: every one shown, turned when there are many (a 390 px screen). */
const CATEGORY_LABELS = { interval: 0, rotate: 30, hideOverlap: false } as const;

/** The charts' options from the tables (the same numbers; the tables stay as the accessible alternative). */
export function statisticsCharts(s: CareerStatistics, t: (key: string, options?: Record<string, unknown>) => string) {
  // 診療科 × 状況: the by_area table summed over the areas.
  const specialties = [...new Set(s.by_area.map((r) => r.specialty))];
  const bySpecialty: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { top: 48, left: 8, right: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: specialties, axisLabel: CATEGORY_LABELS },
    yAxis: { type: 'value', name: t('statistics.count'), minInterval: 1 },
    series: s.statuses.map((st) => ({
      type: 'bar' as const,
      stack: 'status',
      name: st.label,
      data: specialties.map((sp) => s.by_area.filter((r) => r.specialty === sp && r.status_label === st.label).reduce((n, r) => n + r.count, 0)),
    })),
  };
  const cohorts = [...s.by_cohort].reverse();
  const byCohort: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}％` },
    legend: { top: 0 },
    grid: { top: 48, left: 8, right: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: cohorts.map((r) => String(r.cohort)), axisLabel: CATEGORY_LABELS },
    yAxis: { type: 'value', name: '％', max: 100 },
    series: [
      { type: 'bar', name: t('statistics.completionRate'), data: cohorts.map((r) => r.completion_rate) },
      { type: 'bar', name: t('statistics.withdrawalRate'), data: cohorts.map((r) => r.withdrawal_rate) },
    ],
  };
  const totals = s.by_shortage.filter((r) => r.total);
  const byShortage: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { top: 48, left: 16, right: 16, bottom: 32, containLabel: true },
    // Lying bars: the programmes' long names read across, whatever the width.
    yAxis: { type: 'category', inverse: true, data: totals.map((r) => r.programme_name), axisLabel: { width: 110, overflow: 'break', margin: 12 } },
    xAxis: { type: 'value', name: t('statistics.monthsUnit'), nameLocation: 'middle', nameGap: 28 },
    series: [
      { type: 'bar', name: t('statistics.shortageMonths'), data: totals.map((r) => r.months) },
      { type: 'bar', name: t('statistics.targetMonths'), data: totals.map((r) => r.target) },
    ],
  };
  return { bySpecialty, byCohort, byShortage };
}
