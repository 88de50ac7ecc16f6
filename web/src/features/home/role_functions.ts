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
    { id: 'recommendations', path: '/me/matches' },
    { id: 'contactRequests', path: '/contact-requests' },
    { id: 'myCareerPlan', path: '/me/career' },
    { id: 'notifications', path: '/notifications' },
    { id: 'announcementList', path: '/announcements' },
    { id: 'faqList', path: '/faq' },
    // Messages and interviews live on each application's page.
    { id: 'applications', path: '/applications' },
  ],
  facility: [
    { id: 'postings', path: '/facility/postings' },
    { id: 'newPosting', path: '/facility/postings/new' },
    { id: 'postingImport', path: '/facility/postings/import' },
    { id: 'recruitRequests', path: '/facility/recruit-requests' },
    { id: 'postingSearch', path: '/postings' },
    { id: 'notifications', path: '/notifications' },
    { id: 'bedReports', path: '/beds/report' },
    { id: 'myWorkenvHospital', path: '/workenv/my-hospital' },
    { id: 'inquiries', path: '/helpdesk' },
    { id: 'announcementList', path: '/announcements' },
    { id: 'faqList', path: '/faq' },
    // Interviews, hiring results and training records live on each application's page.
    { id: 'applicants', path: '/applications' },
  ],
  // The aggregator reads postings but never manages them: no posting-management function here.
  aggregator: [
    { id: 'bedBoard', path: '/beds' },
    { id: 'postingBrowse', path: '/postings' },
    { id: 'notifications', path: '/notifications' },
    { id: 'inquiries', path: '/helpdesk' },
    { id: 'announcementList', path: '/announcements' },
    { id: 'faqList', path: '/faq' },
  ],
  coordinator: [
    { id: 'postingSearch', path: '/postings' },
    { id: 'feeds', path: '/feeds' },
    { id: 'notifications', path: '/notifications' },
    { id: 'announcementList', path: '/announcements' },
    { id: 'faqList', path: '/faq' },
    // Candidate search is reached from the queue; records and the match from each application's page.
    { id: 'coordinationQueue', path: '/coordination' },
    { id: 'regionApplications', path: '/applications' },
  ],
  secretariat: [
    { id: 'organisations', path: '/admin/organisations' },
    { id: 'userIds', path: '/admin/users' },
    { id: 'postingSearch', path: '/postings' },
    { id: 'feeds', path: '/feeds' },
    { id: 'notifications', path: '/notifications' },
    { id: 'helpdesk', path: '/helpdesk' },
    { id: 'bedBoard', path: '/beds' },
    { id: 'faq', path: '/faq' },
    { id: 'chatDictionary', path: '/admin/chat' },
    { id: 'announcements', path: '/announcements/new' },
    { id: 'announcementList', path: '/announcements' },
    { id: 'allApplications', path: '/applications' },
    { id: 'coordinationQueue', path: '/coordination' },
    { id: 'auditLog' },
  ],
  career_center: [
    { id: 'postingSearch', path: '/postings' },
    { id: 'notifications', path: '/notifications' },
    { id: 'announcementList', path: '/announcements' },
    { id: 'faqList', path: '/faq' },
    { id: 'careerPlans', path: '/career' },
    { id: 'scholarshipDoctors', path: '/career/doctors' },
    { id: 'programmes', path: '/career/programmes' },
    { id: 'careerStatistics', path: '/career/statistics' },
    { id: 'placementRounds', path: '/career/rounds' },
  ],
  workenv_center: [
    { id: 'workenvToday', path: '/workenv' },
    { id: 'overtimeReadiness', path: '/workenv/hospitals' },
    { id: 'atRiskDoctors', path: '/workenv/at-risk' },
    { id: 'priorityList', path: '/workenv/priorities' },
    { id: 'hospitalCases', path: '/workenv/cases' },
    { id: 'visits', path: '/workenv/visits' },
    { id: 'activityReport', path: '/workenv/report' },
    { id: 'meetings', path: '/workenv/meetings' },
    { id: 'postingSearch', path: '/postings' },
    { id: 'notifications', path: '/notifications' },
    { id: 'announcementList', path: '/announcements' },
    { id: 'faqList', path: '/faq' },
  ],
};
