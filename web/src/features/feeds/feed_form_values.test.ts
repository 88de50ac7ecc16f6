import { describe, expect, it } from 'vitest';
import { EMPTY_FEED_FORM, feedInputFromForm, feedSchema } from './feed_form_values';

describe('feed form values', () => {
  it('sends 「すべて」 of urgency and a blank address as null, and empty lists as they are (meaning all)', () => {
    expect(feedInputFromForm({ ...EMPTY_FEED_FORM, name: '  東京の看護師  ', digest_email: '   ' })).toEqual({
      name: '東京の看護師',
      prefectures: [],
      categories: [],
      urgency: null,
      digest_email: null,
    });
  });

  it('sends the chosen prefectures, categories, urgency and the trimmed address', () => {
    expect(
      feedInputFromForm({ name: '急募', prefectures: ['13', '14'], categories: ['nurse'], urgency: 'immediate', digest_email: ' partner@example.jp ' }),
    ).toEqual({ name: '急募', prefectures: ['13', '14'], categories: ['nurse'], urgency: 'immediate', digest_email: 'partner@example.jp' });
    expect(feedInputFromForm({ ...EMPTY_FEED_FORM, name: 'x', urgency: 'regular' }).urgency).toBe('regular');
    expect(feedInputFromForm({ ...EMPTY_FEED_FORM, name: 'x', urgency: 'sometimes' }).urgency).toBeNull();
  });

  it('asks for a name and a well-formed address before sending, with the feature’s messages', () => {
    const result = feedSchema.safeParse({ ...EMPTY_FEED_FORM, name: ' ', digest_email: 'nope' });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
    expect(messages).toEqual({ name: 'feeds:validation.nameRequired', digest_email: 'feeds:validation.digestEmailInvalid' });
    expect(feedSchema.safeParse({ ...EMPTY_FEED_FORM, name: '配信' }).success).toBe(true);
  });
});
