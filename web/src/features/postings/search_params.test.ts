import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  apiQueryFromFilters,
  DEFAULT_FILTERS,
  filtersFromSearchParams,
  searchParamsFromFilters,
  withFilters,
} from './search_params';

describe('search params ⇄ filters', () => {
  it('reads every filter, the sort order and the paging from the query string', () => {
    const params = new URLSearchParams(
      'q=%E6%80%A5%E5%8B%9F+%E7%9C%8B%E8%AD%B7&category=nurse&specialty=%E5%86%85%E7%A7%91&prefecture=13&area=1301' +
        '&employment=fixed_term&urgency=immediate&start_from=2026-12-01&start_to=2027-03-31&sort=start_date&page=3&per_page=50',
    );
    expect(filtersFromSearchParams(params)).toEqual({
      q: '急募 看護',
      category: 'nurse',
      specialty: '内科',
      prefecture: '13',
      area: '1301',
      employment: 'fixed_term',
      urgency: 'immediate',
      start_from: '2026-12-01',
      start_to: '2027-03-31',
      sort: 'start_date',
      page: 3,
      per_page: 50,
    });
  });

  it('gives the defaults for an empty query string', () => {
    expect(filtersFromSearchParams(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
  });

  it('falls back to defaults for a malformed sort order or paging', () => {
    const filters = filtersFromSearchParams(new URLSearchParams('sort=price&page=0&per_page=1000'));
    expect(filters.sort).toBe('newest');
    expect(filters.page).toBe(1);
    expect(filters.per_page).toBe(20);
    expect(filtersFromSearchParams(new URLSearchParams('page=abc&per_page=-5')).page).toBe(1);
  });

  it('keeps other odd values, so the server can say what is wrong with them', () => {
    expect(filtersFromSearchParams(new URLSearchParams('start_from=tomorrow')).start_from).toBe('tomorrow');
  });

  it('drops an area without a prefecture', () => {
    expect(filtersFromSearchParams(new URLSearchParams('area=1301')).area).toBe('');
    expect(searchParamsFromFilters({ ...DEFAULT_FILTERS, area: '1301' }).toString()).toBe('');
  });

  it('writes only what differs from the defaults, in a fixed order', () => {
    const params = searchParamsFromFilters({ ...DEFAULT_FILTERS, urgency: 'immediate', q: ' 内科 ', sort: 'urgency', page: 2 });
    expect(params.toString()).toBe('q=%E5%86%85%E7%A7%91&urgency=immediate&sort=urgency&page=2');
    expect(searchParamsFromFilters(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('gives back the same filters after a round trip', () => {
    const filters = { ...DEFAULT_FILTERS, q: 'a&b=c', prefecture: '09', area: '0901', start_to: '2027-01-31', per_page: 100, page: 4 };
    expect(filtersFromSearchParams(searchParamsFromFilters(filters))).toEqual(filters);
  });

  it('always spells out the paging for the API', () => {
    expect(apiQueryFromFilters(DEFAULT_FILTERS)).toBe('page=1&per_page=20');
    expect(apiQueryFromFilters({ ...DEFAULT_FILTERS, category: 'doctor', page: 2 })).toBe('category=doctor&page=2&per_page=20');
  });

  it('returns to the first page when a filter changes, but not when the page does', () => {
    const onPage3 = { ...DEFAULT_FILTERS, page: 3 };
    expect(withFilters(onPage3, { category: 'nurse' }).page).toBe(1);
    expect(withFilters(onPage3, { page: 4 }).page).toBe(4);
  });

  it('counts the filters that narrow the search', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, sort: 'urgency', page: 2 })).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, employment: 'spot', prefecture: '13' })).toBe(2);
  });
});
