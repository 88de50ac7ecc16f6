import type { OrganisationKind } from '../../shared/reference/organisation_kinds';
import type { Role } from '../../shared/reference/roles';

/**
 * Roles that can be issued by the secretariat, with the kind of organisation
 * such a user belongs to. Seekers are not issued IDs: they register themselves.
 */
export const ISSUABLE_ROLE_KINDS: Partial<Record<Role, OrganisationKind>> = {
  facility: 'facility',
  aggregator: 'aggregator',
  coordinator: 'coordinator_org',
  secretariat: 'secretariat',
  career_center: 'career_center',
  workenv_center: 'workenv_center',
};

export const ISSUABLE_ROLES = Object.keys(ISSUABLE_ROLE_KINDS) as Role[];
