import type { CareerAssignment, CareerLedgerMonth } from './api/careers_api';

/** The kinds of an assignment, in the order the editor offers them. */
export const ASSIGNMENT_KINDS = ['clinical_training', 'specialist_training', 'work', 'graduate_school', 'study_abroad', 'interruption'] as const;
export const INTERRUPTION_REASONS = ['childcare', 'nursing_care', 'maternity', 'illness', 'study_abroad', 'other'] as const;
export const RULE_KINDS = [
  'total_period',
  'shortage_months',
  'posting_min_months',
  'group_months',
  'out_of_prefecture_cap',
  'research_cap',
  'specialist_by_year',
  'interruption_cap',
] as const;

export function emptyAssignment(): CareerAssignment {
  return { kind: 'work', facility_name: '', area_code: null, interruption_reason: null, start: '', end: '', out_of_prefecture: false, actual: false };
}

/** What the API is sent: an interruption has no hospital, anything else no reason. */
export function assignmentsForApi(rows: readonly CareerAssignment[]): CareerAssignment[] {
  return rows.map((row, index) => ({
    ...row,
    id: row.id ?? `a${index + 1}`,
    facility_name: row.kind === 'interruption' ? '' : row.facility_name,
    interruption_reason: row.kind === 'interruption' ? (row.interruption_reason ?? '') : null,
    area_code: row.area_code === '' ? null : row.area_code,
  }));
}

/** 「2031年3月」 / "Mar 2031" for a month "YYYY-MM". */
export function formatMonth(month: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return month;
  const [, year, m] = match;
  if (language === 'ja') return `${Number(year)}年${Number(m)}月`;
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), Number(m) - 1, 1)));
}

/** Consecutive months of the ledger's period counted for the same assignment (or the same gap), in order. */
export interface MonthRun {
  from: string;
  to: string;
  months: number;
  first: CareerLedgerMonth;
}

export function monthRuns(months: readonly CareerLedgerMonth[]): MonthRun[] {
  const runs: MonthRun[] = [];
  for (const month of months) {
    if (!month.in_period) continue;
    const last = runs.at(-1);
    if (last !== undefined && last.first.assignment_id === month.assignment_id && last.first.past === month.past) {
      last.to = month.month;
      last.months += 1;
    } else {
      runs.push({ from: month.month, to: month.month, months: 1, first: month });
    }
  }
  return runs;
}
