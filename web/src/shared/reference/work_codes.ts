import type { TranslationKey } from '../i18n/message';

/**
 * Codes of the work conditions that postings and seeker profiles share
 * (SPEC.md "Reference data", "API conventions"). The server sends and takes
 * these codes; their names are interface wording, so they live in the
 * translation files under `codes.*`.
 */

export const EMPLOYMENT_TYPES = ['permanent', 'fixed_term', 'spot'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const URGENCIES = ['immediate', 'regular'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CAREER_SUPPORT = ['specialist', 'return', 'change', 'none'] as const;
export const NOTIFY_OPTIONS = ['immediate', 'daily', 'off'] as const;

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** The name of an employment type; an unknown code (a newer server) is shown as it is. */
export function employmentLabelKey(code: string): TranslationKey | null {
  return includes(EMPLOYMENT_TYPES, code) ? `codes.employment.${code}` : null;
}

export function urgencyLabelKey(code: string): TranslationKey | null {
  return includes(URGENCIES, code) ? `codes.urgency.${code}` : null;
}

export function weekdayLabelKey(code: string): TranslationKey | null {
  return includes(WEEKDAYS, code) ? `codes.weekday.${code}` : null;
}
