import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describedByIds, FieldError, FieldHint } from './field_parts';

export const CHECKBOX_CLASSES =
  'mt-0.5 h-6 w-6 shrink-0 cursor-pointer rounded-4 border-solid-gray-600 accent-blue-900 aria-[invalid=true]:outline aria-[invalid=true]:outline-2 aria-[invalid=true]:outline-error-1';

interface CheckboxFieldProps {
  label: string;
  name: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  id?: string;
}

/** One yes/no choice: a checkbox with its label beside it, the whole label clickable. */
export function CheckboxField({ label, name, checked, onCheckedChange, hint, error, required = false, id }: CheckboxFieldProps) {
  const { t } = useTranslation();
  const generatedId = useId();
  const inputId = id ?? `${name}-${generatedId}`;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-start gap-3">
        <input
          id={inputId}
          name={name}
          type="checkbox"
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          aria-required={required || undefined}
          aria-invalid={error !== undefined ? true : undefined}
          aria-describedby={describedByIds(inputId, hint !== undefined, error !== undefined)}
          className={CHECKBOX_CLASSES}
        />
        <label htmlFor={inputId} className="flex cursor-pointer flex-wrap items-center gap-x-2 text-std-16B-170 text-solid-gray-900">
          <span>{label}</span>
          {required && <span className="text-dns-14N-130 text-error-1">{t('form.required')}</span>}
        </label>
      </div>
      {hint !== undefined && (
        <div className="pl-9">
          <FieldHint id={`${inputId}-hint`} hint={hint} />
        </div>
      )}
      {error !== undefined && <FieldError id={`${inputId}-error`} error={error} />}
    </div>
  );
}
