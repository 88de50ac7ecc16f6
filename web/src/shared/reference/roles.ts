import type { TranslationKey } from '../i18n/message';

/** The user roles of the platform (SPEC.md "Roles"); the server sends these codes. */
export const ROLES = [
  'seeker',
  'facility',
  'aggregator',
  'coordinator',
  'secretariat',
  'career_center',
  'workenv_center',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The translation key of a role's name; an unknown code (a newer server) gets a neutral label. */
export function roleLabelKey(role: string): TranslationKey {
  return isRole(role) ? `role.${role}` : 'role.unknown';
}
