import { describe, expect, it } from 'vitest';
import { facilityPostingsPath } from './api/postings_api';

describe('facilityPostingsPath', () => {
  it('asks for everything without a filter (other pages read the whole list)', () => {
    expect(facilityPostingsPath()).toBe('/api/v1/facility/postings');
  });

  it('sends only the filters that are set, trimmed, with the page of 20', () => {
    expect(facilityPostingsPath({ status: 'draft', category: '', q: '  看護師 夜勤 ', page: 3 })).toBe(
      '/api/v1/facility/postings?status=draft&q=%E7%9C%8B%E8%AD%B7%E5%B8%AB+%E5%A4%9C%E5%8B%A4&page=3&per_page=20',
    );
  });
});
