import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resourceKeyPaths } from '../../../shared/i18n/feature_i18n';
import en from './en.json';
import ja from './ja.json';
import { matchingKey } from './matching_i18n';

describe('matching translations', () => {
  it('has the same keys in Japanese and English', () => {
    expect(resourceKeyPaths(en)).toEqual(resourceKeyPaths(ja));
  });

  it('is registered under its namespace', () => {
    expect(i18next.hasResourceBundle('ja', 'matching')).toBe(true);
    expect(i18next.hasResourceBundle('en', 'matching')).toBe(true);
    expect(matchingKey('candidates.title')).toBe('matching:candidates.title');
  });
});
