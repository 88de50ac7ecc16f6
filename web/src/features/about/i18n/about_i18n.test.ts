import { describe, expect, it } from 'vitest';
import { resourceKeyPaths } from '../../../shared/i18n/feature_i18n';
import { DATA_SOURCES } from '../data_sources';
import en from './en.json';
import ja from './ja.json';

describe('about page translations', () => {
  it('has the same keys in Japanese and English', () => {
    expect(resourceKeyPaths(en)).toEqual(resourceKeyPaths(ja));
  });

  it('names every data source', () => {
    for (const source of DATA_SOURCES) {
      expect(ja.sources).toHaveProperty(source.id);
    }
  });
});
