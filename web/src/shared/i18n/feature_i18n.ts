import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { initI18n, LANGUAGES, type Language } from './i18n';

/**
 * Translations that a feature keeps next to its code
 * (features/<module>/i18n/ja.json and en.json), added to i18next under the
 * feature's own namespace with `addResourceBundle`. The shared ja.json stays
 * the home of what every page uses (common, layout, errors, codes …).
 *
 *     export const useFeedsTranslation = registerFeatureTranslations('feeds', { ja, en });
 *     const { t } = useFeedsTranslation();   // t('form.heading'): keys checked against the feature's ja.json
 */

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type BaseKey<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every dotted key of a resource tree, with i18next's plural suffixes folded into the base key. */
export type ResourceKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${BaseKey<K>}` : ResourceKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A feature's `t`: only keys of its own ja.json, with i18next's options (count, interpolation values). */
export type FeatureTranslate<T> = (key: ResourceKey<T>, options?: Record<string, unknown>) => string;

export interface FeatureTranslation<T> {
  t: FeatureTranslate<T>;
  /** The language shown now, for date formatting and the like. */
  language: Language;
}

/**
 * Adds a feature's resources, once, when the feature's module is loaded, and
 * returns the hook its components translate with. The hook re-renders on a
 * language switch like react-i18next's own.
 *
 * For what shared code translates later (zod messages, a `Message`), a
 * feature names its keys with the namespace, `"<namespace>:<key>"`, which
 * i18next reads as a key of that namespace.
 */
export function registerFeatureTranslations<T extends object>(namespace: string, resources: { ja: T; en: object }): () => FeatureTranslation<T> {
  const i18n = initI18n();
  for (const language of LANGUAGES) {
    i18n.addResourceBundle(language, namespace, resources[language], true, true);
  }
  return function useFeatureTranslation(): FeatureTranslation<T> {
    const { i18n: instance } = useTranslation();
    const language: Language = instance.language === 'en' ? 'en' : 'ja';
    const untyped = instance as unknown as { t: (key: string, options: Record<string, unknown>) => string };
    // A new function per language, so that memoised users translate again after a switch.
    const t = useCallback<FeatureTranslate<T>>(
      (key, options) => untyped.t(key, { ...options, ns: namespace, lng: language }),
      [untyped, language],
    );
    return { t, language };
  };
}

/** Every key path of a resource tree (plural forms folded), for tests that compare ja and en. */
export function resourceKeyPaths(tree: object, prefix = ''): string[] {
  const paths = Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    return typeof value === 'object' && value !== null ? resourceKeyPaths(value as object, `${path}.`) : [path];
  });
  return [...new Set(paths)].sort();
}
