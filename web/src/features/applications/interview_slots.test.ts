import { describe, expect, it } from 'vitest';
import { interviewProposalFromForm, interviewSchema } from './interview_form_values';
import { formatSlot, inputFromSlot, slotFromInput, slotParts, slotsForApi, slotsProblem } from './interview_slots';

describe('slot input ⇄ API format', () => {
  it('reads a datetime-local value as Japan time and writes it with +09:00', () => {
    expect(slotFromInput('2026-12-03T10:00')).toBe('2026-12-03T10:00+09:00');
    // Chromium may add seconds; they are dropped, as the server's example has none.
    expect(slotFromInput('2026-12-03T09:05:00')).toBe('2026-12-03T09:05+09:00');
    expect(slotFromInput('2026-12-03T09:05:30.000')).toBe('2026-12-03T09:05+09:00');
  });

  it('refuses what is not a real date and time', () => {
    for (const value of ['', '2026-12-03', '2026-02-30T10:00', '2026-13-01T10:00', '2026-12-03T24:00', '2026-12-03T10:60', '2026/12/03 10:00']) {
      expect(slotFromInput(value), value).toBeNull();
    }
    expect(slotFromInput('2028-02-29T10:00')).toBe('2028-02-29T10:00+09:00');
  });

  it('turns an API slot back into the input value, in Japan time whatever the offset', () => {
    expect(inputFromSlot('2026-12-03T10:00+09:00')).toBe('2026-12-03T10:00');
    expect(inputFromSlot('2026-12-03T01:00+00:00')).toBe('2026-12-03T10:00');
    expect(inputFromSlot('2026-12-31T20:30:00-05:00')).toBe('2027-01-01T10:30');
    expect(inputFromSlot('2026-12-03T10:00')).toBeNull();
    expect(slotParts('2026-12-03T10:00+09:00')).toEqual({ year: 2026, month: 12, day: 3, hour: 10, minute: 0 });
  });

  it('round-trips every input it accepts', () => {
    for (const value of ['2026-12-03T10:00', '2027-01-01T00:00', '2026-12-31T23:59']) {
      expect(inputFromSlot(slotFromInput(value) ?? '')).toBe(value);
    }
  });

  it('shows a slot in Japan time for people, whatever the browser’s zone', () => {
    expect(formatSlot('2026-12-03T10:00+09:00', 'ja')).toBe('2026年12月3日(木) 10:00');
    expect(formatSlot('2026-12-03T01:00+00:00', 'ja')).toBe('2026年12月3日(木) 10:00');
    expect(formatSlot('2026-12-03T10:00+09:00', 'en')).toBe('Thu 3 Dec 2026 10:00 (JST)');
    expect(formatSlot('not a slot', 'ja')).toBe('not a slot');
  });
});

describe('the proposal', () => {
  it('names what is wrong with the slots', () => {
    expect(slotsProblem(['', '  '])).toBe('none');
    expect(slotsProblem(['2026-12-03T10:00', 'x'])).toBe('invalid');
    expect(slotsProblem(['2026-12-03T10:00', '2026-12-03T10:00:00'])).toBe('duplicate');
    expect(slotsProblem(Array.from({ length: 6 }, (_, i) => `2026-12-0${i + 1}T10:00`))).toBe('tooMany');
    expect(slotsProblem(['2026-12-03T10:00', '', '2026-12-04T14:30'])).toBeNull();
    expect(slotsForApi(['2026-12-03T10:00', '', '2026-12-04T14:30'])).toEqual(['2026-12-03T10:00+09:00', '2026-12-04T14:30+09:00']);
  });

  it('sends slots with +09:00, the length in minutes and a place only in person', () => {
    expect(interviewProposalFromForm({ slots: ['2026-12-03T10:00', ''], duration_minutes: '４５', online: true, place: 'ignored' })).toEqual({
      slots: ['2026-12-03T10:00+09:00'],
      duration_minutes: 45,
      online: true,
    });
    expect(interviewProposalFromForm({ slots: ['2026-12-04T14:30'], duration_minutes: '60', online: false, place: ' 本館3階 会議室 ' })).toEqual({
      slots: ['2026-12-04T14:30+09:00'],
      duration_minutes: 60,
      online: false,
      place: '本館3階 会議室',
    });
  });

  it('asks for a place in person and a length between 15 and 240 minutes', () => {
    const result = interviewSchema.safeParse({ slots: ['2026-12-03T10:00'], duration_minutes: '10', online: false, place: '' });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(['duration_minutes', 'place']);
    expect(interviewSchema.safeParse({ slots: ['2026-12-03T10:00'], duration_minutes: '240', online: true, place: '' }).success).toBe(true);
  });
});
