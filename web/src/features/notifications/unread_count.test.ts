import { describe, expect, it } from 'vitest';
import { badgeText, unreadCountReducer, type UnreadEvent } from './unread_count';

function run(events: readonly UnreadEvent[], start?: number): (number | undefined)[] {
  const seen: (number | undefined)[] = [];
  let count = start;
  for (const event of events) {
    count = unreadCountReducer(count, event);
    seen.push(count);
  }
  return seen;
}

describe('unread count', () => {
  it('takes the count of ready, adds each new notice and drops to zero on read-all', () => {
    expect(run([{ type: 'counted', unread: 2 }, { type: 'arrived' }, { type: 'arrived' }, { type: 'readAll' }])).toEqual([2, 3, 4, 0]);
  });

  it('counts a notice that arrives before ready from zero, and lets the next ready correct it', () => {
    expect(run([{ type: 'arrived' }, { type: 'counted', unread: 7 }])).toEqual([1, 7]);
  });

  it('takes one off for a notice marked read, never below zero, and stays unknown until counted', () => {
    expect(run([{ type: 'readOne' }])).toEqual([undefined]);
    expect(run([{ type: 'readOne' }, { type: 'readOne' }], 1)).toEqual([0, 0]);
  });

  it('ignores a negative or fractional count from the server', () => {
    expect(run([{ type: 'counted', unread: -3 }, { type: 'counted', unread: 2.7 }])).toEqual([0, 2]);
  });

  it('caps the badge text at 99+', () => {
    expect(badgeText(5)).toBe('5');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
