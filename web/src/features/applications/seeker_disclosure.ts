import type { ApplicationSeeker, Licence } from './api/applications_api';

/**
 * What of the seeker's identity this viewer received (SPEC.md rule 3). The
 * server leaves the keys out when they are not disclosed; a disclosed value
 * that is empty (no phone saved) is left out as well, so the page never shows
 * a placeholder or an empty row for it.
 */
export interface DisclosedIdentity {
  name: string | null;
  email: string | null;
  phone: string | null;
  licences: Licence[];
  notes: string | null;
}

/** null: the identity was not disclosed to this viewer (only the handle and conditions were sent). */
export function disclosedIdentity(seeker: ApplicationSeeker): DisclosedIdentity | null {
  const sent = ['name', 'email', 'phone', 'licences', 'notes'].some((key) => Object.hasOwn(seeker, key));
  if (!sent) {
    return null;
  }
  const text = (value: string | null | undefined) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return {
    name: text(seeker.name),
    email: text(seeker.email),
    phone: text(seeker.phone),
    licences: (seeker.licences ?? []).filter((licence) => typeof licence.number === 'string' && licence.number.trim() !== ''),
    notes: text(seeker.notes),
  };
}

/** For the seeker's own page: whether the facility has been told who they are (a match, or an application with consent). */
export function identityDisclosedToFacility(application: { matched: boolean; kind: string; consent: boolean }): boolean {
  return application.matched || (application.kind === 'application' && application.consent);
}
