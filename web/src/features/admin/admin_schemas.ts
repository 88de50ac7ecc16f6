import { z } from 'zod/mini';
import { emailAddress, oneOf, requiredText } from '../../shared/forms/schema_parts';
import { ORGANISATION_KINDS } from '../../shared/reference/organisation_kinds';
import { PREFECTURES } from '../../shared/reference/prefectures';
import { ROLES } from '../../shared/reference/roles';

export const organisationSchema = z.object({
  name: requiredText('validation.organisationNameRequired'),
  kind: oneOf(ORGANISATION_KINDS, 'validation.kindRequired'),
  prefecture: oneOf(
    PREFECTURES.map((prefecture) => prefecture.code),
    'validation.prefectureRequired',
  ),
});

export const issueUserSchema = z.object({
  login: requiredText('validation.userIdRequired'),
  display_name: requiredText('validation.nameRequired'),
  email: emailAddress('validation.emailRequired', 'validation.emailInvalid'),
  role: oneOf(ROLES, 'validation.roleRequired'),
  organisation_id: requiredText('validation.organisationRequired'),
});
