import { z } from 'zod/mini';
import { emailAddress, oneOf, requiredText } from '../../shared/forms/schema_parts';
import { ORGANISATION_KINDS } from '../../shared/reference/organisation_kinds';
import { PREFECTURES } from '../../shared/reference/prefectures';
import { ROLES } from '../../shared/reference/roles';
import { adminKey } from './i18n/admin_i18n';

// The server's limits (docs/openapi.yaml, OrganisationCreate); it checks the codes themselves.
const NAME_MAX = 100;
const ADDRESS_MAX = 200;

const organisationName = z.string().check(
  z.trim(),
  z.minLength(1, 'validation.organisationNameRequired'),
  z.maxLength(NAME_MAX, adminKey('validation.nameTooLong')),
);

/** Scope fields of every kind; only the chosen kind's are sent (organisation_scope.ts). */
const organisationScope = {
  municipality: z.string(),
  address: z.string().check(z.trim(), z.maxLength(ADDRESS_MAX, adminKey('validation.addressTooLong'))),
  categories: z.array(z.string()),
  areas: z.array(z.string()),
};

export const organisationSchema = z.object({
  name: organisationName,
  kind: oneOf(ORGANISATION_KINDS, 'validation.kindRequired'),
  prefecture: oneOf(
    PREFECTURES.map((prefecture) => prefecture.code),
    'validation.prefectureRequired',
  ),
  ...organisationScope,
});

/** A registered organisation: kind and prefecture stay as they are. */
export const organisationChangeSchema = z.object({
  name: organisationName,
  ...organisationScope,
});

export const issueUserSchema = z.object({
  login: requiredText('validation.userIdRequired'),
  display_name: requiredText('validation.nameRequired'),
  email: emailAddress('validation.emailRequired', 'validation.emailInvalid'),
  role: oneOf(ROLES, 'validation.roleRequired'),
  organisation_id: requiredText('validation.organisationRequired'),
});
