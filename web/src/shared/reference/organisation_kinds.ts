import type { TranslationKey } from '../i18n/message';

/** Kinds of organisation the secretariat can register; the server sends these codes. */
export const ORGANISATION_KINDS = [
  'facility',
  'aggregator',
  'coordinator_org',
  'secretariat',
  'career_center',
  'workenv_center',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}

export function organisationKindLabelKey(kind: string): TranslationKey {
  return isOrganisationKind(kind) ? `organisationKind.${kind}` : 'organisationKind.unknown';
}
