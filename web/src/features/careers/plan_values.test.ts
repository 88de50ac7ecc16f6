import { describe, expect, it } from 'vitest';
import type { CareerLedgerMonth } from './api/careers_api';
import { assignmentsForApi, emptyAssignment, formatMonth, monthRuns } from './plan_values';

const month = (m: string, id: string | null, past = false, inPeriod = true): CareerLedgerMonth => ({
  month: m,
  assignment_id: id,
  past,
  in_period: inPeriod,
});

describe('plan values', () => {
  it('sends an interruption without a hospital and anything else without a reason', () => {
    const rows = [
      { ...emptyAssignment(), kind: 'interruption', facility_name: '残った病院名', interruption_reason: 'childcare', start: '2027-04-01', end: '2027-09-30' },
      { ...emptyAssignment(), facility_name: '那須南病院', interruption_reason: 'childcare', area_code: '', start: '2027-10-01', end: '2028-09-30' },
    ];
    const sent = assignmentsForApi(rows);
    expect(sent[0]).toMatchObject({ id: 'a1', facility_name: '', interruption_reason: 'childcare' });
    expect(sent[1]).toMatchObject({ id: 'a2', facility_name: '那須南病院', interruption_reason: null, area_code: null });
  });

  it('writes months the way each language reads them', () => {
    expect(formatMonth('2031-03', 'ja')).toBe('2031年3月');
    expect(formatMonth('2031-03', 'en')).toBe('Mar 2031');
    expect(formatMonth('2031', 'ja')).toBe('2031');
  });

  it('groups the ledger into runs of one assignment, split where the past ends, outside the period left out', () => {
    const runs = monthRuns([
      month('2026-03', 'x', true, false),
      month('2026-04', 'a', true),
      month('2026-05', 'a', true),
      month('2026-06', 'a'),
      month('2026-07', null),
      month('2026-08', 'b'),
    ]);
    expect(runs.map((r) => [r.from, r.to, r.months])).toEqual([
      ['2026-04', '2026-05', 2],
      ['2026-06', '2026-06', 1],
      ['2026-07', '2026-07', 1],
      ['2026-08', '2026-08', 1],
    ]);
  });
});
