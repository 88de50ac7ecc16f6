import type { ProfileFormField, ProfileFormValues } from './profile_form_values';

/**
 * The profile form's sections in their order, the fields each holds and which
 * of them must be answered, so the form can say per section what is filled
 * and open the sections that still need the user (issue 11 item 13).
 */
export const PROFILE_SECTIONS = [
  { id: 'profile-section-identity', key: 'identity', fields: ['name', 'phone', 'licences'], required: ['name'] },
  { id: 'profile-section-qualifications', key: 'qualifications', fields: ['categories', 'specialties', 'experience_years'], required: ['categories'] },
  {
    id: 'profile-section-work',
    key: 'work',
    fields: ['employment', 'available_from', 'period_months_max', 'weekdays', 'night_duty', 'full_time'],
    required: ['employment'],
  },
  { id: 'profile-section-place', key: 'place', fields: ['prefectures', 'areas'], required: ['prefectures'] },
  { id: 'profile-section-other', key: 'other', fields: ['career_support', 'notes', 'notify', 'facility_requests'], required: [] },
] as const satisfies readonly { id: string; key: string; fields: readonly ProfileFormField[]; required: readonly ProfileFormField[] }[];

export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

function isAnswered(value: ProfileFormValues[ProfileFormField]): boolean {
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return typeof value === 'string' ? value.trim() !== '' : true;
}

/** Whether a section still lacks a required answer. */
export function missesRequired(section: ProfileSection, values: ProfileFormValues): boolean {
  return section.required.some((name) => !isAnswered(values[name]));
}

/** The section that holds a field (for opening the sections a validation error is in); 'licences.0.number' is in that of 'licences'. */
export function sectionOfField(name: string): ProfileSection | undefined {
  const field = name.split('.')[0] ?? name;
  return PROFILE_SECTIONS.find((section) => (section.fields as readonly string[]).includes(field));
}
