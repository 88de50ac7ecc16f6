import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resourceKeyPaths } from '../../../shared/i18n/feature_i18n';
import { accountsKey } from './accounts_i18n';
import en from './en.json';
import ja from './ja.json';

describe('accounts translations', () => {
  it('has the same keys in Japanese and English', () => {
    expect(resourceKeyPaths(en)).toEqual(resourceKeyPaths(ja));
  });

  it('is registered under its namespace', () => {
    expect(i18next.hasResourceBundle('ja', 'accounts')).toBe(true);
    expect(i18next.hasResourceBundle('en', 'accounts')).toBe(true);
    expect(accountsKey('validation.codeRequired')).toBe('accounts:validation.codeRequired');
  });
});
