import { describe, expect, it } from 'vitest';
import type { SeekerProfile } from './api/profile_api';
import { emptyProfileForm, formValuesFromProfile, profileInputFromForm } from './profile_form_values';

const SAVED: SeekerProfile = {
  handle: '求職者-ABCDEFGH',
  name: '山田 花子',
  phone: null,
  categories: ['nurse'],
  licences: [],
  specialties: [],
  experience_years: 5,
  employment: ['fixed_term'],
  available_from: null,
  period_months_max: null,
  weekdays: ['mon'],
  night_duty: false,
  prefectures: ['13'],
  areas: [],
  full_time: true,
  career_support: 'none',
  notes: null,
  notify: 'immediate',
};

describe('facility_requests in the profile form', () => {
  it('is on for a new profile and for one saved before the setting existed', () => {
    expect(emptyProfileForm('山田 花子').facility_requests).toBe(true);
    expect(formValuesFromProfile(SAVED).facility_requests).toBe(true);
  });

  it('keeps a seeker’s “no” and sends it back', () => {
    const values = formValuesFromProfile({ ...SAVED, facility_requests: false });
    expect(values.facility_requests).toBe(false);
    expect(profileInputFromForm(values).facility_requests).toBe(false);
  });
});
