import type { Licence, SeekerProfile, SeekerProfileInput } from './api/profile_api';

/** The profile form's values as its inputs hold them; the key order is the order on the form. */
export type ProfileFormValues = {
  name: string;
  phone: string;
  categories: string[];
  licences: Licence[];
  specialties: string[];
  experience_years: string;
  employment: string[];
  available_from: string;
  period_months_max: string;
  weekdays: string[];
  night_duty: boolean;
  full_time: boolean;
  prefectures: string[];
  areas: string[];
  career_support: string;
  notes: string;
  notify: string;
  facility_requests: boolean;
};

export type ProfileFormField = keyof ProfileFormValues;

/** A seeker without a saved profile starts here, with the name they registered under. */
export function emptyProfileForm(displayName: string): ProfileFormValues {
  return {
    name: displayName,
    phone: '',
    categories: [],
    licences: [],
    specialties: [],
    experience_years: '',
    employment: [],
    available_from: '',
    period_months_max: '',
    weekdays: [],
    night_duty: false,
    full_time: true,
    prefectures: [],
    areas: [],
    career_support: 'none',
    notes: '',
    notify: 'immediate',
    facility_requests: true,
  };
}

export const PROFILE_FORM_FIELDS = Object.keys(emptyProfileForm('')) as ProfileFormField[];

export function profileFieldId(field: string): string {
  return `profile-${field.replace(/\./g, '-')}`;
}

export function formValuesFromProfile(profile: SeekerProfile): ProfileFormValues {
  const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    name: profile.name,
    phone: text(profile.phone),
    categories: [...profile.categories],
    licences: profile.licences.map((licence) => ({ ...licence })),
    specialties: [...profile.specialties],
    experience_years: text(profile.experience_years),
    employment: [...profile.employment],
    available_from: text(profile.available_from),
    period_months_max: text(profile.period_months_max),
    weekdays: [...profile.weekdays],
    night_duty: profile.night_duty,
    full_time: profile.full_time,
    prefectures: [...profile.prefectures],
    areas: [...profile.areas],
    career_support: profile.career_support,
    notes: text(profile.notes),
    notify: profile.notify,
    // Profiles saved before the setting existed accept requests, as the server reads them.
    facility_requests: profile.facility_requests ?? true,
  };
}

/**
 * The PUT body. The server replaces the whole profile, so every field is
 * sent; an empty optional input is null. Licence rows left completely empty
 * are dropped; half-filled ones are sent, for the server to name the problem.
 */
export function profileInputFromForm(values: ProfileFormValues): SeekerProfileInput {
  const optionalText = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    name: values.name.trim(),
    phone: optionalText(values.phone),
    categories: [...values.categories],
    licences: values.licences
      .map((licence) => ({ category: licence.category, number: licence.number.trim() }))
      .filter((licence) => licence.category !== '' || licence.number !== ''),
    specialties: [...values.specialties],
    experience_years: optionalNumber(values.experience_years),
    employment: [...values.employment],
    available_from: optionalText(values.available_from),
    period_months_max: optionalNumber(values.period_months_max),
    weekdays: [...values.weekdays],
    night_duty: values.night_duty,
    prefectures: [...values.prefectures],
    areas: [...values.areas],
    full_time: values.full_time,
    career_support: values.career_support,
    notes: optionalText(values.notes),
    notify: values.notify,
    facility_requests: values.facility_requests,
  };
}

function optionalNumber(value: string): number | string | null {
  const folded = value.normalize('NFKC').trim();
  if (folded === '') {
    return null;
  }
  return /^\d{1,6}$/.test(folded) ? Number(folded) : folded;
}
