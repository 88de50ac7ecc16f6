import type { Role } from '../../shared/reference/roles';

/**
 * What each role can do on the platform (SPEC.md "Roles"), shown on its home.
 * A function with a `path` is available now; one without is still being
 * built and is listed so users see what is coming ("準備中").
 */
export interface RoleFunction {
  /** Key under home.functions in the translation files: name and description. */
  id: string;
  path?: string;
}

export const ROLE_FUNCTIONS: Record<Role, readonly RoleFunction[]> = {
  seeker: [
    { id: 'postingSearch', path: '/postings' },
    { id: 'profile', path: '/me/profile' },
    { id: 'recommendations' },
    { id: 'applications' },
    { id: 'messages' },
    { id: 'interviews' },
  ],
  facility: [
    { id: 'postings', path: '/facility/postings' },
    { id: 'newPosting', path: '/facility/postings/new' },
    { id: 'postingImport', path: '/facility/postings/import' },
    { id: 'postingSearch', path: '/postings' },
    { id: 'applicants' },
    { id: 'interviews' },
    { id: 'hiringResults' },
    { id: 'trainingRecords' },
    { id: 'bedReports' },
  ],
  aggregator: [{ id: 'postingBrowse', path: '/postings' }, { id: 'bedBoard' }, { id: 'bedExport' }],
  coordinator: [
    { id: 'postingSearch', path: '/postings' },
    { id: 'coordinationQueue' },
    { id: 'candidateSearch' },
    { id: 'matchDisclosure' },
    { id: 'coordinationRecords' },
  ],
  secretariat: [
    { id: 'organisations', path: '/admin/organisations' },
    { id: 'userIds', path: '/admin/users' },
    { id: 'postingSearch', path: '/postings' },
    { id: 'helpdesk' },
    { id: 'faq' },
    { id: 'announcements' },
    { id: 'auditLog' },
  ],
  career_center: [
    { id: 'postingSearch', path: '/postings' },
    { id: 'programmes' },
    { id: 'scholarshipDoctors' },
    { id: 'careerPlans' },
    { id: 'careerStatistics' },
  ],
  workenv_center: [
    { id: 'postingSearch', path: '/postings' },
    { id: 'hospitalCases' },
    { id: 'visits' },
    { id: 'meetings' },
    { id: 'overtimeReadiness' },
  ],
};
