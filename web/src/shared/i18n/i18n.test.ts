import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from './en.json';
import { changeLanguage, initI18n, LANGUAGE_STORAGE_KEY, readStoredLanguage } from './i18n';
import ja from './ja.json';
import { apiRequest } from '../api/api_client';

/** Every key path of a resource tree, with i18next's plural suffixes folded into the base key. */
function keyPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(one|other)$/, '')}`;
    return typeof value === 'object' && value !== null ? keyPaths(value as object, `${path}.`) : [path];
  });
}

describe('i18n', () => {
  afterEach(async () => {
    await changeLanguage('ja');
  });

  it('starts in Japanese', () => {
    initI18n();
    expect(i18next.language).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');
    expect(i18next.t('login.title')).toBe('ログイン');
  });

  it('switches to English and updates <html lang>, storage and the API language', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 200 }));

    await changeLanguage('en');

    expect(i18next.t('login.title')).toBe('Log in');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    await apiRequest('GET', '/api/v1/me');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('en');

    await changeLanguage('ja');
    expect(document.documentElement.lang).toBe('ja');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ja');
  });

  it('remembers the choice for the next visit, ignoring unknown values', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(readStoredLanguage()).toBe('en');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(readStoredLanguage()).toBe('ja');
    window.localStorage.removeItem(LANGUAGE_STORAGE_KEY);
    expect(readStoredLanguage()).toBe('ja');
  });

  it('has the same keys in Japanese and English', () => {
    expect([...new Set(keyPaths(en))].sort()).toEqual([...new Set(keyPaths(ja))].sort());
  });

  it('uses English plural forms for counts', async () => {
    await changeLanguage('en');
    expect(i18next.t('common.totalCount', { count: 1 })).toBe('1 item');
    expect(i18next.t('common.totalCount', { count: 3 })).toBe('3 items');
    await changeLanguage('ja');
    expect(i18next.t('common.totalCount', { count: 3 })).toBe('全3件');
  });
});
