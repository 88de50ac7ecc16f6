import { z } from 'zod/mini';
import type { ApplicationKind, CreateApplicationInput } from './api/applications_api';
import { applicationsKey } from './i18n/applications_i18n';

export const APPLY_MESSAGE_MAX_LENGTH = 2000;

/**
 * The apply form: a message (a question needs one; an application or a
 * contact request may go without), and for 応募 the consent to disclose the
 * seeker's name, contact and licences, without which the server refuses it.
 */
export function applySchema(kind: ApplicationKind) {
  return z
    .object({ message: z.string(), consent: z.boolean() })
    .check(
      z.superRefine((values, context) => {
        if (kind === 'inquiry' && values.message.trim() === '') {
          context.addIssue({ code: 'custom', path: ['message'], message: applicationsKey('apply.messageRequired'), input: values });
        }
        if (kind === 'application' && !values.consent) {
          context.addIssue({ code: 'custom', path: ['consent'], message: applicationsKey('apply.consentRequired'), input: values });
        }
      }),
    );
}

export function applyRequest(kind: ApplicationKind, values: { message: string; consent: boolean }): CreateApplicationInput {
  // Consent means something only for a direct application; it is never sent as true for the others.
  return { kind, message: values.message.trim(), consent: kind === 'application' && values.consent };
}
