import { describe, expect, it } from 'vitest';
import { internalPath, parseNoticeEvent, parseReadyEvent } from './live_notice';

describe('live event data', () => {
  it('reads the unread count of ready', () => {
    expect(parseReadyEvent('{"unread":4}')).toBe(4);
    expect(parseReadyEvent('{"unread":"4"}')).toBeNull();
    expect(parseReadyEvent('not json')).toBeNull();
  });

  it('reads a notice and ignores what is not one', () => {
    expect(parseNoticeEvent('{"id":"n1","kind":"match","title":"T","body":"B\\nC","link":"/postings/p1"}')).toEqual({
      id: 'n1',
      kind: 'match',
      title: 'T',
      body: 'B\nC',
      link: '/postings/p1',
    });
    expect(parseNoticeEvent('{"id":"n1","title":"T","link":null}')).toEqual({ id: 'n1', kind: '', title: 'T', body: '', link: null });
    expect(parseNoticeEvent('{"title":"T"}')).toBeNull();
    expect(parseNoticeEvent('[1]')).toBeNull();
  });

  it('follows only links inside the site', () => {
    expect(internalPath('/facility/postings/p1/matches')).toBe('/facility/postings/p1/matches');
    expect(internalPath('https://example.com/')).toBeNull();
    expect(internalPath('//example.com/')).toBeNull();
    expect(internalPath('/\\example.com')).toBeNull();
    expect(internalPath('javascript:alert(1)')).toBeNull();
    expect(internalPath(null)).toBeNull();
  });
});
