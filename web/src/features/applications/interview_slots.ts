/**
 * Interview slots. A `datetime-local` input holds "2026-12-03T10:00" with no
 * zone; the platform works in Japan time, and the API takes and sends
 * "2026-12-03T10:00+09:00". Times are converted as text, never through the
 * browser's own time zone, so a user abroad proposes the time they read.
 */
import { formatDateTime } from '../../shared/text/format_date';

export const JST_OFFSET = '+09:00';
export const MAX_SLOTS = 5;
export const DEFAULT_DURATION_MINUTES = 60;
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 240;

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const API_SLOT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):(\d{2})$/;

/** "2026-12-03T10:00" (an input's value, seconds allowed) → "2026-12-03T10:00+09:00"; null when it is not a real date and time. */
export function slotFromInput(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (match === null) {
    return null;
  }
  const [, year, month, day, hour, minute] = match as unknown as [string, string, string, string, string, string];
  if (!isRealDate(Number(year), Number(month), Number(day)) || Number(hour) > 23 || Number(minute) > 59) {
    return null;
  }
  return `${year}-${month}-${day}T${hour}:${minute}${JST_OFFSET}`;
}

/**
 * An API slot back to an input's value in Japan time. A slot written with
 * another offset is moved to Japan time first; null when unreadable.
 */
export function inputFromSlot(slot: string): string | null {
  const parts = slotParts(slot);
  if (parts === null) {
    return null;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

/** The date and time of a slot in Japan time, as numbers. */
export function slotParts(slot: string): { year: number; month: number; day: number; hour: number; minute: number } | null {
  const match = API_SLOT.exec(slot.trim());
  if (match === null) {
    return null;
  }
  const [, y, mo, d, h, mi, , sign, oh, om] = match as unknown as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59) {
    return null;
  }
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  // The instant in UTC, then nine hours on: the wall-clock time in Japan.
  const utc = Date.UTC(year, month - 1, day, hour, minute) - offsetMinutes * 60_000;
  const jst = new Date(utc + 9 * 60 * 60_000);
  return {
    year: jst.getUTCFullYear(),
    month: jst.getUTCMonth() + 1,
    day: jst.getUTCDate(),
    hour: jst.getUTCHours(),
    minute: jst.getUTCMinutes(),
  };
}

/**
 * A slot for people, in Japan time, as every date-time of the app
 * (formatDateTime): 2026年12月3日(木) 10:00 / Thu 3 Dec 2026 10:00 (JST).
 */
export function formatSlot(slot: string, language: string): string {
  if (slotParts(slot) === null) {
    return slot;
  }
  const text = formatDateTime(slot, language);
  return language === 'en' ? `${text} (JST)` : text;
}

/** Why the proposed slots cannot be sent, or null when they can. */
export type SlotProblem = 'none' | 'tooMany' | 'invalid' | 'duplicate';

export function slotsProblem(inputs: readonly string[]): SlotProblem | null {
  const filled = inputs.map((value) => value.trim()).filter((value) => value !== '');
  if (filled.length === 0) {
    return 'none';
  }
  if (filled.length > MAX_SLOTS) {
    return 'tooMany';
  }
  const slots = filled.map(slotFromInput);
  if (slots.some((slot) => slot === null)) {
    return 'invalid';
  }
  return new Set(slots).size === slots.length ? null : 'duplicate';
}

/** The filled inputs as API slots (call after slotsProblem said null). */
export function slotsForApi(inputs: readonly string[]): string[] {
  return inputs
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map((value) => slotFromInput(value))
    .filter((slot): slot is string => slot !== null);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
