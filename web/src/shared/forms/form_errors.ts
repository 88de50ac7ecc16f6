import type { z } from 'zod/mini';
import { ApiError, CLIENT_ERROR_CODES } from '../api/api_error';
import type { Message, TranslationKey } from '../i18n/message';

/** Errors of one form: the messages for the alert above it, and one message per field name. */
export interface FormErrors {
  summary: Message[];
  fields: Partial<Record<string, Message>>;
}

export const NO_FORM_ERRORS: FormErrors = { summary: [], fields: {} };

/** Client-side validation failed: each zod message is a translation key. */
export function formErrorsFromZod(error: z.core.$ZodError): FormErrors {
  const fields: Partial<Record<string, Message>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    // The first problem per field is the most useful one; later ones repeat it.
    if (fields[field] === undefined) {
      fields[field] = { key: issue.message as TranslationKey };
    }
  }
  return { summary: [{ key: 'form.checkFields' }], fields };
}

/**
 * The server refused or could not be reached. Field messages go under their
 * inputs; a message for a field the form does not show (a link's token, say)
 * would otherwise be lost, so it joins the summary.
 */
export function formErrorsFromApi(error: unknown, formFields: readonly string[]): FormErrors {
  const summary: Message[] = [messageForError(error)];
  const fields: Partial<Record<string, Message>> = {};
  if (error instanceof ApiError) {
    for (const [key, text] of Object.entries(error.fields)) {
      const field = formFieldForServerKey(key, formFields);
      if (field !== null) {
        // Two messages for one input (licences.0 and licences.1, say) are both worth reading.
        const existing = fields[field];
        fields[field] = existing !== undefined && 'text' in existing ? { text: `${existing.text} ${text}` } : { text };
      } else if (text !== error.message) {
        summary.push({ text });
      }
    }
  }
  return { summary, fields };
}

/**
 * The form field a server error key belongs to. The server names nested
 * fields with dots (`workplace.postal_code`, `contact.phone`) and items of a
 * list with their index (`licences.0.number`): an exact match wins, otherwise
 * the longest form field the key lies under (`licences`). null when the form
 * shows no such field.
 */
export function formFieldForServerKey(key: string, formFields: readonly string[]): string | null {
  if (formFields.includes(key)) {
    return key;
  }
  let best: string | null = null;
  for (const field of formFields) {
    const under = key.startsWith(`${field}.`) || key.startsWith(`${field}[`);
    if (under && (best === null || field.length > best.length)) {
      best = field;
    }
  }
  return best;
}

/** The field errors in the order the fields appear on the form, for an error summary that lists them. */
export function orderedFieldErrors(errors: FormErrors, fieldOrder: readonly string[]): { field: string; message: Message }[] {
  return fieldOrder.flatMap((field) => {
    const message = errors.fields[field];
    return message === undefined ? [] : [{ field, message }];
  });
}

/** What to tell the user about a failed request. */
export function messageForError(error: unknown): Message {
  if (error instanceof ApiError) {
    if (error.hasServerMessage) {
      return { text: error.message };
    }
    if (error.code === CLIENT_ERROR_CODES.network) {
      return { key: 'error.network' };
    }
  }
  return { key: 'error.unexpected' };
}

export function hasFieldErrors(errors: FormErrors): boolean {
  return Object.keys(errors.fields).length > 0;
}
