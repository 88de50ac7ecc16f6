import { describe, expect, it } from 'vitest';
import { resourceKeyPaths } from '../../../shared/i18n/feature_i18n';
import en from './en.json';
import ja from './ja.json';

describe('placement rounds translations', () => {
  it('has the same keys in Japanese and English', () => {
    expect(resourceKeyPaths(en)).toEqual(resourceKeyPaths(ja));
  });
});
