import type { Role } from '../../shared/reference/roles';
import { ROLE_FUNCTIONS } from './role_functions';

/**
 * The functions each role reaches from the header on every page (issue 11
 * item 7): the few it uses daily, so a task no longer goes back through ホーム.
 * Ids refer to ROLE_FUNCTIONS, so a path and its name are written once.
 */
const HEADER_FUNCTION_IDS: Record<Role, readonly string[]> = {
  seeker: ['postingSearch', 'recommendations', 'contactRequests', 'applications', 'profile'],
  facility: ['postings', 'applicants', 'bedReports', 'inquiries'],
  aggregator: ['bedBoard', 'postingBrowse', 'inquiries'],
  coordinator: ['coordinationQueue', 'regionApplications', 'feeds', 'postingSearch'],
  secretariat: ['organisations', 'userIds', 'helpdesk', 'allApplications', 'bedBoard', 'postingSearch'],
  career_center: ['placementRounds', 'postingSearch', 'announcementList', 'faqList'],
  workenv_center: ['overtimeReadiness', 'priorityList', 'hospitalCases', 'visits'],
};

export interface HeaderLink {
  /** Key under home.functions (its `name` labels the link). */
  id: string;
  path: string;
}

export function headerLinks(role: Role): HeaderLink[] {
  return HEADER_FUNCTION_IDS[role].flatMap((id) => {
    const path = ROLE_FUNCTIONS[role].find((roleFunction) => roleFunction.id === id)?.path;
    return path === undefined ? [] : [{ id, path }];
  });
}

/** Whether a header link is the current page or leads to it ('/applications' for '/applications/12'). */
export function isCurrentSection(linkPath: string, pathname: string): boolean {
  return pathname === linkPath || (linkPath !== '/' && pathname.startsWith(`${linkPath}/`));
}
