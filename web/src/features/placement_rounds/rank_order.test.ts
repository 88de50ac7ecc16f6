import { describe, expect, it } from 'vitest';
import { capForApi, moveItem, positionForApi } from './rank_order';

describe('moveItem', () => {
  it('moves one place up or down and stays put at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('the forms as the API takes them', () => {
  it('sends a facility on the platform by id, another by name, and leaves empty fields out', () => {
    expect(positionForApi({ facilityId: 'org_1', facilityName: '', department: '', areaCode: '', capacity: '2', target: '1' })).toEqual({
      facility_id: 'org_1',
      capacity: 2,
      target: 1,
    });
    expect(positionForApi({ id: 'pps_1', facilityId: '', facilityName: ' 那須南病院 ', department: '内科', areaCode: '0901', capacity: '1', target: '' })).toEqual({
      id: 'pps_1',
      facility_name: '那須南病院',
      department: '内科',
      area_code: '0901',
      capacity: 1,
    });
  });

  it('sends a cap by designation or by areas', () => {
    expect(capForApi({ name: '', designation: '医師多数区域', areaCodes: ['0905'], cap: '2' })).toEqual({ designation: '医師多数区域', cap: 2 });
    expect(capForApi({ id: 'pcp_1', name: '宇都宮', designation: '', areaCodes: ['0903'], cap: '4' })).toEqual({
      id: 'pcp_1',
      name: '宇都宮',
      area_codes: ['0903'],
      cap: 4,
    });
  });
});
