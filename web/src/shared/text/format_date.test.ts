import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format_date';

describe('formatDate', () => {
  it('writes a calendar date as 2027年1月26日(火), without any time-zone shift', () => {
    expect(formatDate('2027-01-26', 'ja')).toBe('2027年1月26日(火)');
    expect(formatDate('2027-02-20', 'ja')).toBe('2027年2月20日(土)');
    expect(formatDate('2026-12-06', 'ja')).toBe('2026年12月6日(日)');
    expect(formatDate('2028-02-29', 'ja')).toBe('2028年2月29日(火)');
    expect(formatDate('2027-01-26', 'en')).toBe('Tue 26 Jan 2027');
  });

  it('writes the day in Japan of an instant', () => {
    // 15:30 UTC on 2 December is 00:30 on 3 December in Japan.
    expect(formatDate('2026-12-02T15:30:00Z', 'ja')).toBe('2026年12月3日(木)');
    expect(formatDate('2026-12-03T08:59:00+09:00', 'ja')).toBe('2026年12月3日(木)');
  });

  it('shows anything else as it is', () => {
    for (const value of ['', 'soon', '2027-02-30', '2027/01/26', '2027-1-26']) {
      expect(formatDate(value, 'ja')).toBe(value);
    }
  });
});

describe('formatDateTime', () => {
  it('writes an instant as 2027年1月26日(火) 14:05 in Japan time, whatever its offset', () => {
    expect(formatDateTime('2027-01-26T14:05:00+09:00', 'ja')).toBe('2027年1月26日(火) 14:05');
    expect(formatDateTime('2027-01-26T05:05:00Z', 'ja')).toBe('2027年1月26日(火) 14:05');
    expect(formatDateTime('2026-12-02T15:30Z', 'ja')).toBe('2026年12月3日(木) 00:30');
    expect(formatDateTime('2027-01-01T00:00+09:00', 'ja')).toBe('2027年1月1日(金) 00:00');
    expect(formatDateTime('2027-01-26T14:05:00+09:00', 'en')).toBe('Tue 26 Jan 2027 14:05');
  });

  it('shows anything else as it is', () => {
    for (const value of ['', '2027-01-26', 'not a time', '2027-01-26T99:00+09:00']) {
      expect(formatDateTime(value, 'ja')).toBe(value);
    }
  });
});
