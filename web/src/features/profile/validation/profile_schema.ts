import { z } from 'zod/mini';
import { messageKey } from '../../../shared/i18n/message';

/**
 * What the browser checks before saving: the four things a profile cannot be
 * saved without. Everything else (formats, ranges, code lists) is the
 * server's to check; its messages land under the same inputs.
 */
export const profileSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, messageKey('validation.profile.nameRequired'))),
  phone: z.string(),
  categories: z.array(z.string()).check(z.minLength(1, messageKey('validation.profile.categoriesRequired'))),
  licences: z.array(z.object({ category: z.string(), number: z.string() })),
  specialties: z.array(z.string()),
  experience_years: z.string(),
  employment: z.array(z.string()).check(z.minLength(1, messageKey('validation.profile.employmentRequired'))),
  available_from: z.string(),
  period_months_max: z.string(),
  weekdays: z.array(z.string()),
  night_duty: z.boolean(),
  full_time: z.boolean(),
  prefectures: z.array(z.string()).check(z.minLength(1, messageKey('validation.profile.prefecturesRequired'))),
  areas: z.array(z.string()),
  career_support: z.string(),
  notes: z.string(),
  notify: z.string(),
  facility_requests: z.boolean(),
});
