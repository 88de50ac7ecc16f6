/**
 * What a seeker shows under their pseudonymous handle before any disclosure
 * (SPEC.md rule 3; the server's `seekers::anonymous_json`): qualifications
 * and wishes, never a name, contact or licence number. Candidate lists and
 * applications show only these keys.
 */
export interface AnonymousSeeker {
  handle: string;
  categories?: string[];
  specialties?: string[];
  experience_years?: number | null;
  employment?: string[];
  available_from?: string | null;
  period_months_max?: number | null;
  weekdays?: string[];
  night_duty?: boolean;
  prefectures?: string[];
  areas?: string[];
  full_time?: boolean;
  career_support?: string;
}
