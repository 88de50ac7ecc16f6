import { z } from 'zod/mini';
import type { FeedInput } from './api/feeds_api';
import { feedsKey } from './i18n/feeds_i18n';

/** The feed form as its inputs hold it: text, checkbox lists, and '' for 「すべて」 of 緊急度. */
export type FeedFormValues = {
  name: string;
  prefectures: string[];
  categories: string[];
  urgency: string;
  digest_email: string;
};

/** The fields in the order of the form, named like the server's keys so its messages land under them. */
export const FEED_FORM_FIELDS = ['name', 'prefectures', 'categories', 'urgency', 'digest_email'] as const;
export type FeedFormField = (typeof FEED_FORM_FIELDS)[number];

export const EMPTY_FEED_FORM: FeedFormValues = { name: '', prefectures: [], categories: [], urgency: '', digest_email: '' };

export function feedFieldId(field: FeedFormField): string {
  return `feed-${field.replace(/_/g, '-')}`;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What the browser checks before sending; the server checks everything again
 * (codes, address) and its messages go under the same fields.
 */
export const feedSchema = z.object({
  name: z.string().check(
    z.trim(),
    z.minLength(1, feedsKey('validation.nameRequired')),
    z.maxLength(100, feedsKey('validation.nameTooLong')),
  ),
  prefectures: z.array(z.string()),
  categories: z.array(z.string()),
  urgency: z.string(),
  digest_email: z.string().check(
    z.trim(),
    z.refine((value) => value === '' || EMAIL_SHAPE.test(value), feedsKey('validation.digestEmailInvalid')),
  ),
});

/** The form's values as POST /api/v1/feeds takes them: 「すべて」 and a blank address become null. */
export function feedInputFromForm(values: FeedFormValues): FeedInput {
  const urgency = values.urgency === 'immediate' || values.urgency === 'regular' ? values.urgency : null;
  const email = values.digest_email.trim();
  return {
    name: values.name.trim(),
    prefectures: [...values.prefectures],
    categories: [...values.categories],
    urgency,
    digest_email: email === '' ? null : email,
  };
}
