import { useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod/mini';
import { useMessageText } from '../i18n/message';
import { formErrorsFromApi, formErrorsFromZod, hasFieldErrors, NO_FORM_ERRORS, type FormErrors } from './form_errors';

type FormValues = Record<string, unknown>;

/**
 * State and submit handling shared by every form: values as inputs hold them
 * (strings, booleans of checkboxes, arrays of checkbox groups), validation
 * with a zod schema before anything is sent, and the server's errors mapped
 * back onto the same fields. A field may be named like the server's nested
 * key (`workplace.postal_code`), so the server's message lands under it.
 *
 * After a failed submit focus moves to the first invalid field, or to the
 * alert when only a general message exists (JIS X 8341-3 / WCAG 3.3.1).
 */
export function useForm<Values extends FormValues, Schema extends z.ZodMiniType>(options: {
  schema: Schema;
  initialValues: Values;
  onValid: (data: z.output<Schema>) => Promise<void>;
}) {
  const [values, setValues] = useState<Values>(options.initialValues);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [isSubmitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const text = useMessageText();

  function setValue<Name extends keyof Values & string>(name: Name, value: Values[Name]): void {
    setValues((previous) => ({ ...previous, [name]: value }));
  }

  /** Changes several fields at once (an address found by postal code, a record loaded for editing). */
  function updateValues(changes: Partial<Values>): void {
    setValues((previous) => ({ ...previous, ...changes }));
  }

  function moveFocusTo(newErrors: FormErrors): void {
    requestAnimationFrame(() => {
      const invalidField = hasFieldErrors(newErrors)
        ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
        : null;
      (invalidField ?? alertRef.current)?.focus();
    });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (isSubmitting) {
      return;
    }
    const parsed = options.schema.safeParse(values);
    if (!parsed.success) {
      const newErrors = formErrorsFromZod(parsed.error);
      setErrors(newErrors);
      moveFocusTo(newErrors);
      return;
    }
    setErrors(NO_FORM_ERRORS);
    setSubmitting(true);
    try {
      await options.onValid(parsed.data);
    } catch (error) {
      const newErrors = formErrorsFromApi(error, Object.keys(options.initialValues));
      setErrors(newErrors);
      moveFocusTo(newErrors);
    } finally {
      setSubmitting(false);
    }
  }

  /** A field's message in the language shown, for its input's `error`; undefined while the field is fine. */
  function fieldError(name: keyof Values & string): string | undefined {
    const message = errors.fields[name];
    return message === undefined ? undefined : text(message);
  }

  function reset(): void {
    setValues(options.initialValues);
    setErrors(NO_FORM_ERRORS);
  }

  /** Forgets the messages but keeps the values (a form that goes back a step). */
  function clearErrors(): void {
    setErrors(NO_FORM_ERRORS);
  }

  return { values, setValue, updateValues, errors, fieldError, isSubmitting, handleSubmit, reset, clearErrors, formRef, alertRef };
}
