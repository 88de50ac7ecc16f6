import { describe, expect, it } from 'vitest';
import { apiQueryForFilters, DEFAULT_FILTERS, filtersFromSearchParams, pageSize, searchParamsForFilters } from './candidate_query';

describe('candidate query', () => {
  it('reads the filters from the page’s query string, defaults for what is missing', () => {
    expect(filtersFromSearchParams(new URLSearchParams(''))).toEqual(DEFAULT_FILTERS);
    expect(filtersFromSearchParams(new URLSearchParams('sort=distance&min_score=60&max_distance_km=40&per_page=50'))).toEqual({
      sort: 'distance',
      min_score: '60',
      min_experience: '',
      max_distance_km: '40',
      per_page: '50',
    });
  });

  it('keeps the page’s URL plain: defaults and the first page are left out, full-width digits folded', () => {
    expect(searchParamsForFilters(DEFAULT_FILTERS, 1)).toEqual({});
    expect(searchParamsForFilters({ ...DEFAULT_FILTERS, sort: 'experience', min_experience: '４７' }, 3)).toEqual({
      sort: 'experience',
      min_experience: '47',
      page: '3',
    });
  });

  it('asks the server for the page, its size and the order always, and only the limits that are set', () => {
    expect(apiQueryForFilters(DEFAULT_FILTERS, 1)).toBe('page=1&per_page=20&sort=score');
    expect(apiQueryForFilters({ ...DEFAULT_FILTERS, sort: 'start', min_score: '50', per_page: '100' }, 2)).toBe('page=2&per_page=100&sort=start&min_score=50');
  });

  it('passes a wrong limit on as typed, for the server to name it', () => {
    expect(apiQueryForFilters({ ...DEFAULT_FILTERS, min_score: 'abc' }, 1)).toContain('min_score=abc');
  });

  it('pages by one of the offered sizes only', () => {
    expect(pageSize({ ...DEFAULT_FILTERS, per_page: '50' })).toBe(50);
    expect(pageSize({ ...DEFAULT_FILTERS, per_page: '7' })).toBe(20);
    expect(apiQueryForFilters({ ...DEFAULT_FILTERS, per_page: '7' }, 1)).toContain('per_page=20');
  });
});
