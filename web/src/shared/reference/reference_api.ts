import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/api_client';
import { PREFECTURES } from './prefectures';

/**
 * The server's reference data (GET /api/v1/reference/…). It changes only
 * when the secretariat imports new lists, and the server lets it be cached
 * for five minutes, so it is read once and kept for that long.
 */

export interface Category {
  code: string;
  name: string;
  name_en: string;
}

export interface Specialty {
  name: string;
  basic_area: string;
  is_basic: boolean;
}

export interface PrefectureItem {
  code: string;
  name: string;
  name_en: string;
}

export interface Municipality {
  code: string;
  prefecture: string;
  name: string;
  /** The secondary medical area; "" when none is assigned. */
  area: string;
}

export interface Area {
  code: string;
  prefecture: string;
  name: string;
  municipalities: string[];
}

export interface PostalAddress {
  postal_code: string;
  prefecture: string;
  municipality: string;
  municipality_name: string;
  town: string;
}

interface List<T> {
  items: T[];
  total: number;
}

const REFERENCE_STALE_TIME = 5 * 60_000;

function useReferenceList<T>(key: readonly unknown[], path: string, enabled = true) {
  return useQuery({
    queryKey: ['reference', ...key],
    queryFn: ({ signal }) => apiRequest<List<T>>('GET', path, { signal }).then((list) => list.items),
    staleTime: REFERENCE_STALE_TIME,
    enabled,
  });
}

export function useCategories() {
  return useReferenceList<Category>(['categories'], '/api/v1/reference/categories');
}

export function useSpecialties() {
  return useReferenceList<Specialty>(['specialties'], '/api/v1/reference/specialties');
}

/** The 47 prefectures; the built-in list stands in until the server's arrives, so selects never start empty. */
export function usePrefectures() {
  return useQuery({
    queryKey: ['reference', 'prefectures'],
    queryFn: ({ signal }) =>
      apiRequest<List<PrefectureItem>>('GET', '/api/v1/reference/prefectures', { signal }).then((list) => list.items),
    staleTime: REFERENCE_STALE_TIME,
    placeholderData: PREFECTURES.map((prefecture) => ({ code: prefecture.code, name: prefecture.ja, name_en: prefecture.en })),
  });
}

/** Municipalities of one prefecture; nothing is asked while no prefecture is chosen. */
export function useMunicipalities(prefecture: string) {
  return useReferenceList<Municipality>(
    ['municipalities', prefecture],
    `/api/v1/reference/municipalities?prefecture=${encodeURIComponent(prefecture)}`,
    prefecture !== '',
  );
}

/** Secondary medical areas of one prefecture, or of every prefecture when `prefecture` is null. */
export function useAreas(prefecture: string | null) {
  const query = prefecture === null ? '' : `?prefecture=${encodeURIComponent(prefecture)}`;
  return useReferenceList<Area>(['areas', prefecture ?? 'all'], `/api/v1/reference/areas${query}`, prefecture !== '');
}

/** Addresses for a postal code (several towns can share one); empty when the code is unknown. */
export function lookUpPostalCode(code: string, signal?: AbortSignal): Promise<PostalAddress[]> {
  return apiRequest<List<PostalAddress>>('GET', `/api/v1/reference/postal-codes/${encodeURIComponent(code)}`, { signal }).then(
    (list) => list.items,
  );
}

/** A name from the reference data in the UI language (specialties have Japanese names only). */
export function localisedName(item: { name: string; name_en?: string }, language: string): string {
  return language === 'en' && item.name_en !== undefined && item.name_en !== '' ? item.name_en : item.name;
}

/** Basic specialties, each with its subspecialties, in the server's order. */
export function groupSpecialties(specialties: readonly Specialty[]): { basic: string; subspecialties: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const specialty of specialties) {
    if (specialty.is_basic && !groups.has(specialty.name)) {
      groups.set(specialty.name, []);
    }
  }
  for (const specialty of specialties) {
    if (!specialty.is_basic) {
      const group = groups.get(specialty.basic_area);
      if (group !== undefined) {
        group.push(specialty.name);
      } else {
        groups.set(specialty.basic_area, [specialty.name]);
      }
    }
  }
  return [...groups].map(([basic, subspecialties]) => ({ basic, subspecialties }));
}

/**
 * Municipalities whose name or kana contains `query` (at most 50), in all of Japan or within `prefecture`;
 * nothing is asked for an empty query. While the next answer is on its way the previous one stays.
 */
export function useMunicipalitySearch(query: string, prefecture = '') {
  const q = query.trim();
  const scope = prefecture === '' ? '' : `&prefecture=${encodeURIComponent(prefecture)}`;
  return useQuery({
    queryKey: ['reference', 'municipalities', 'search', prefecture, q],
    queryFn: async ({ signal }): Promise<Municipality[]> => {
      const list = await apiRequest<List<Municipality>>('GET', `/api/v1/reference/municipalities?q=${encodeURIComponent(q)}${scope}`, {
        signal,
      });
      return list.items;
    },
    staleTime: REFERENCE_STALE_TIME,
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}
