import { describe, expect, it } from 'vitest';
import type { BedReport } from './api/beds_api';
import {
  initialReportValues,
  normaliseCount,
  remapWardErrorKeys,
  reportInputFromValues,
  wardFieldName,
  wardIssues,
  type ReportFormValues,
} from './report_form_values';

const WARD_TYPES = ['general', 'recuperation', 'psychiatric', 'infectious', 'icu'];
const CATEGORIES = ['emergency', 'infection', 'pediatric'];

function values(rows: Record<string, [string, string, string]>, extra: ReportFormValues = {}): ReportFormValues {
  const result = initialReportValues(WARD_TYPES, CATEGORIES, null);
  for (const [type, [permitted, secured, vacant]] of Object.entries(rows)) {
    result[wardFieldName(type, 'permitted')] = permitted;
    result[wardFieldName(type, 'secured')] = secured;
    result[wardFieldName(type, 'vacant')] = vacant;
  }
  return { ...result, ...extra };
}

describe('reportInputFromValues', () => {
  it('sends only the rows with numbers, in ward-type order, and says which row is which index', () => {
    const { input, sentWardTypes } = reportInputFromValues(
      values({ infectious: ['17', '3', '1'], general: ['240', '22', '17'], icu: ['40', '4', '7'] }, { 'acceptance.emergency': 'ok', 'acceptance.pediatric': 'no', note: ' 夜間は要相談 ' }),
      WARD_TYPES,
      CATEGORIES,
    );
    expect(sentWardTypes).toEqual(['general', 'infectious', 'icu']);
    expect(input).toEqual({
      wards: [
        { ward_type: 'general', permitted: 240, secured: 22, vacant: 17 },
        { ward_type: 'infectious', permitted: 17, secured: 3, vacant: 1 },
        { ward_type: 'icu', permitted: 40, secured: 4, vacant: 7 },
      ],
      // An unchosen category is left out, not sent as "".
      acceptance: { emergency: 'ok', pediatric: 'no' },
      note: '夜間は要相談',
    });
  });

  it('reads full-width digits as a Japanese input method types them', () => {
    expect(normaliseCount(' １２０ ')).toBe('120');
    const { input } = reportInputFromValues(values({ icu: ['４０', '４', '７'] }), WARD_TYPES, CATEGORIES);
    expect(input.wards).toEqual([{ ward_type: 'icu', permitted: 40, secured: 4, vacant: 7 }]);
  });
});

describe('remapWardErrorKeys', () => {
  it('puts wards.N.field under the N-th sent row, not the N-th row of the form', () => {
    // general and recuperation are empty, so psychiatric was sent as wards.0 and icu as wards.1.
    const { sentWardTypes } = reportInputFromValues(values({ psychiatric: ['10', '1', '2'], icu: ['5', '1', '9'] }), WARD_TYPES, CATEGORIES);
    expect(sentWardTypes).toEqual(['psychiatric', 'icu']);

    const mapped = remapWardErrorKeys(
      {
        'wards.1.vacant': '「ICU」の空床数が許可病床数を超えています。',
        'wards.0.permitted': '「精神病床」の「許可病床数」は0以上の整数で入力してください。',
        'acceptance.emergency': '「救急」の受入可否は ok / conditional / no のいずれかです。',
        note: '「備考」は1000文字以内で入力してください。',
      },
      sentWardTypes,
    );
    expect(mapped).toEqual({
      'ward.icu.vacant': '「ICU」の空床数が許可病床数を超えています。',
      'ward.psychiatric.permitted': '「精神病床」の「許可病床数」は0以上の整数で入力してください。',
      'acceptance.emergency': '「救急」の受入可否は ok / conditional / no のいずれかです。',
      note: '「備考」は1000文字以内で入力してください。',
    });
  });

  it('sends a message about a row itself to its first number, and keeps keys it cannot place', () => {
    expect(remapWardErrorKeys({ 'wards.0.ward_type': '「ICU」が2回入力されています。', 'wards.5.vacant': 'x', wards: '1つ以上' }, ['icu'])).toEqual({
      'ward.icu.permitted': '「ICU」が2回入力されています。',
      'wards.5.vacant': 'x',
      wards: '1つ以上',
    });
  });

  it('joins two messages that land on one input', () => {
    expect(remapWardErrorKeys({ 'wards.0': 'A.', 'wards.0.ward_type': 'B.' }, ['general'])).toEqual({ 'ward.general.permitted': 'A. B.' });
  });
});

describe('wardIssues', () => {
  it('asks for all three numbers of a started row, whole numbers from 0, and ignores empty rows', () => {
    expect(wardIssues(values({ general: ['10', '', '1.5'], icu: ['-1', '0', '0'] }), WARD_TYPES)).toEqual([
      { field: 'ward.general.secured', issue: 'required' },
      { field: 'ward.general.vacant', issue: 'notInteger' },
      { field: 'ward.icu.permitted', issue: 'notInteger' },
    ]);
    expect(wardIssues(values({}), WARD_TYPES)).toEqual([]);
  });
});

describe('initialReportValues', () => {
  it('starts from the latest report', () => {
    const latest: BedReport = {
      id: 'bed_1',
      facility_id: 'org_1',
      reported_at: '2026-11-21T15:37:44+09:00',
      reported_by: 'fac-tochigi-01',
      wards: [{ ward_type: 'icu', permitted: 40, secured: 4, vacant: 7 }],
      acceptance: { emergency: 'conditional', infection: 'bogus' },
      note: '夜間は変動します。',
    };
    const initial = initialReportValues(WARD_TYPES, CATEGORIES, latest);
    expect(initial[wardFieldName('icu', 'vacant')]).toBe('7');
    expect(initial[wardFieldName('general', 'vacant')]).toBe('');
    expect(initial['acceptance.emergency']).toBe('conditional');
    expect(initial['acceptance.infection']).toBe('');
    expect(initial.note).toBe('夜間は変動します。');
  });
});
