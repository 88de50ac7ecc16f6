import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/reference/roles';
import { headerLinks, isCurrentSection } from './role_navigation';

describe('headerLinks', () => {
  it('gives every role at least one available function, each with a path', () => {
    for (const role of ROLES) {
      const links = headerLinks(role);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.path.startsWith('/')).toBe(true);
      }
    }
  });

  it('gives the facility its postings and applicants', () => {
    expect(headerLinks('facility').map((link) => link.path)).toEqual(['/facility/postings', '/applications', '/beds/report', '/helpdesk']);
  });
});

describe('the work-environment centre header', () => {
  it('leads to its readiness grid, priority list, cases and visits', () => {
    expect(headerLinks('workenv_center').map((link) => link.path)).toEqual(['/workenv/hospitals', '/workenv/priorities', '/workenv/cases', '/workenv/visits']);
  });
});

describe('isCurrentSection', () => {
  it('marks the link of the page and of pages under it, never the home for every page', () => {
    expect(isCurrentSection('/applications', '/applications')).toBe(true);
    expect(isCurrentSection('/applications', '/applications/12')).toBe(true);
    expect(isCurrentSection('/applications', '/applicationsx')).toBe(false);
    expect(isCurrentSection('/', '/postings')).toBe(false);
    expect(isCurrentSection('/', '/')).toBe(true);
  });
});
