import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resourceKeyPaths } from '../../../shared/i18n/feature_i18n';
import { adminKey } from './admin_i18n';
import en from './en.json';
import ja from './ja.json';

describe('admin translations', () => {
  it('has the same keys in Japanese and English', () => {
    expect(resourceKeyPaths(en)).toEqual(resourceKeyPaths(ja));
  });

  it('is registered under its namespace', () => {
    expect(i18next.hasResourceBundle('ja', 'admin')).toBe(true);
    expect(i18next.hasResourceBundle('en', 'admin')).toBe(true);
    expect(adminKey('validation.addressTooLong')).toBe('admin:validation.addressTooLong');
  });
});
