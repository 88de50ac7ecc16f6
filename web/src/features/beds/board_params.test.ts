import { describe, expect, it } from 'vitest';
import {
  BOARD_PAGE_SIZE,
  boardApiQuery,
  boardCsvUrl,
  boardFiltersFromSearchParams,
  boardRange,
  DEFAULT_BOARD_FILTERS,
  searchParamsFromBoardFilters,
  withBoardFilters,
} from './board_params';

describe('board filters and the URL', () => {
  it('reads every filter from the query string and writes the same query string back', () => {
    const params = new URLSearchParams('prefecture=09&area=0903&q=%E3%81%B2%E3%81%B0%E3%82%8A&accepts=emergency&sort=vacant&page=2');
    const filters = boardFiltersFromSearchParams(params);
    expect(filters).toEqual({ prefecture: '09', area: '0903', q: 'ひばり', accepts: 'emergency', sort: 'vacant', page: 2 });
    expect(searchParamsFromBoardFilters(filters).toString()).toBe(params.toString());
  });

  it('leaves defaults and empty filters out, so an unfiltered board is just /beds', () => {
    expect(searchParamsFromBoardFilters(DEFAULT_BOARD_FILTERS).toString()).toBe('');
    expect(searchParamsFromBoardFilters({ ...DEFAULT_BOARD_FILTERS, q: '  ' }).toString()).toBe('');
  });

  it('falls back to the defaults for unknown sorts and malformed pages', () => {
    expect(boardFiltersFromSearchParams(new URLSearchParams('sort=price&page=-3'))).toEqual(DEFAULT_BOARD_FILTERS);
    expect(boardFiltersFromSearchParams(new URLSearchParams('page=0')).page).toBe(1);
    expect(boardFiltersFromSearchParams(new URLSearchParams('page=abc')).page).toBe(1);
  });

  it('asks the API for one page with the filters, and the CSV for every row with the same filters', () => {
    const filters = boardFiltersFromSearchParams(new URLSearchParams('area=0903&q=病院&page=3'));
    const api = new URLSearchParams(boardApiQuery(filters));
    expect(Object.fromEntries(api)).toEqual({ area: '0903', q: '病院', sort: 'name', page: '3', per_page: String(BOARD_PAGE_SIZE) });

    const csv = new URL(boardCsvUrl(filters), 'http://localhost');
    expect(csv.pathname).toBe('/api/v1/beds/board.csv');
    expect(Object.fromEntries(csv.searchParams)).toEqual({ area: '0903', q: '病院', sort: 'name' });
  });

  it('goes back to the first page when the filters change', () => {
    const onPage3 = { ...DEFAULT_BOARD_FILTERS, page: 3 };
    expect(withBoardFilters(onPage3, { area: '0901' }).page).toBe(1);
    expect(withBoardFilters(onPage3, { page: 4 }).page).toBe(4);
  });

  it('says which rows a page shows', () => {
    expect(boardRange({ ...DEFAULT_BOARD_FILTERS, page: 2 }, 120, 50)).toEqual({ from: 51, to: 100 });
    expect(boardRange({ ...DEFAULT_BOARD_FILTERS, page: 3 }, 120, 20)).toEqual({ from: 101, to: 120 });
    expect(boardRange(DEFAULT_BOARD_FILTERS, 0, 0)).toBeNull();
  });
});
