import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resourceKeyPaths } from '../../../shared/i18n/feature_i18n';
import en from './en.json';
import { feedsKey } from './feeds_i18n';
import ja from './ja.json';

describe('feeds translations', () => {
  it('has the same keys in Japanese and English', () => {
    expect(resourceKeyPaths(en)).toEqual(resourceKeyPaths(ja));
  });

  it('is registered under its namespace', () => {
    expect(i18next.hasResourceBundle('ja', 'feeds')).toBe(true);
    expect(i18next.hasResourceBundle('en', 'feeds')).toBe(true);
    expect(feedsKey('validation.nameRequired')).toBe('feeds:validation.nameRequired');
  });
});
