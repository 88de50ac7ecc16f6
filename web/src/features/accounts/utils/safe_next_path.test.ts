import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe_next_path';

describe('safeNextPath', () => {
  it('follows same-site paths with their query', () => {
    expect(safeNextPath('/admin/users?page=2')).toBe('/admin/users?page=2');
  });

  it.each([null, '', 'https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '/login', '/login?next=/'])(
    'sends %j home instead',
    (next) => {
      expect(safeNextPath(next)).toBe('/');
    },
  );
});
