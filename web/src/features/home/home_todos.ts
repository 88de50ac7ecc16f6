import type { Role } from '../../shared/reference/roles';

/**
 * What each role's home counts under 「いま対応が必要なこと」 (issue 11 item 8):
 * the count's key in GET /api/v1/me/home, its label under home.todo, and the
 * page where the items are. Matching appears as a count only.
 */
export interface HomeTodo {
  key: string;
  path: string;
  /** Shown only when the server sends the count (a facility's placement round to rank: only while it has one). */
  onlyWhenCounted?: boolean;
}

const NOTICES: HomeTodo = { key: 'unread_notices', path: '/notifications' };

export const HOME_TODOS: Record<Role, readonly HomeTodo[]> = {
  seeker: [
    { key: 'new_recommendations', path: '/me/matches' },
    { key: 'unread_messages', path: '/applications' },
    { key: 'interviews_awaiting_answer', path: '/applications' },
    { key: 'interviews_this_week', path: '/applications' },
    { key: 'placement_rounds_my_ranks', path: '/me/placement', onlyWhenCounted: true },
    NOTICES,
  ],
  facility: [
    { key: 'new_applications', path: '/applications' },
    { key: 'unread_messages', path: '/applications' },
    { key: 'interviews_this_week', path: '/applications' },
    { key: 'open_training', path: '/applications' },
    { key: 'postings_without_candidates', path: '/facility/postings?status=published' },
    { key: 'placement_rounds_to_rank', path: '/placement/rounds', onlyWhenCounted: true },
    NOTICES,
  ],
  coordinator: [
    { key: 'contact_requests', path: '/coordination' },
    { key: 'follow_ups_due', path: '/coordination' },
    { key: 'urgent_without_candidates', path: '/coordination' },
    { key: 'open_training', path: '/coordination' },
    NOTICES,
  ],
  aggregator: [
    { key: 'stale_reports', path: '/beds?sort=updated' },
    { key: 'no_reports', path: '/beds?sort=updated' },
    NOTICES,
  ],
  secretariat: [
    { key: 'open_inquiries', path: '/helpdesk?status=received' },
    { key: 'contact_requests', path: '/coordination' },
    { key: 'follow_ups_due', path: '/coordination' },
    { key: 'urgent_without_candidates', path: '/coordination' },
    { key: 'stale_reports', path: '/beds?sort=updated' },
    NOTICES,
  ],
  career_center: [{ key: 'placement_rounds_open', path: '/career/rounds' }, NOTICES],
  workenv_center: [
    { key: 'workenv_due_cases', path: '/workenv' },
    { key: 'workenv_proposed_visits', path: '/workenv/visits' },
    { key: 'workenv_interview_gaps', path: '/workenv/at-risk' },
    { key: 'workenv_projected_over_cap', path: '/workenv/at-risk' },
    { key: 'workenv_late_minutes', path: '/workenv/meetings' },
    NOTICES,
  ],
};
