import { describe, expect, it } from 'vitest';
import { dayCount, lines } from './meeting_forms';

describe('the meeting forms\' helpers', () => {
  it('reads a count of days as a number, nothing when empty, and otherwise leaves it for the server to name', () => {
    expect(dayCount('14')).toBe(14);
    expect(dayCount(' 7 ')).toBe(7);
    expect(dayCount('')).toBeUndefined();
    expect(dayCount('  ')).toBeUndefined();
    expect(dayCount('十日')).toBe('十日');
    expect(dayCount('1.5')).toBe('1.5');
  });

  it('reads one name a line, trimmed, without empty lines', () => {
    expect(lines(' 東京都医師会 \n\n東京都看護協会\n')).toEqual(['東京都医師会', '東京都看護協会']);
  });
});
