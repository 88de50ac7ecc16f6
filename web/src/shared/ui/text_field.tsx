import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { describedByIds, FieldError, FieldHint, FieldLabel, INPUT_CLASSES } from './field_parts';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
}

/** Inputs whose picker and placeholder (年/月/日 or mm/dd/yyyy) the browser draws from the element's language. */
const DATE_TYPES = new Set(['date', 'datetime-local', 'month', 'time', 'week']);

export function TextField({ label, name, value, onValueChange, hint, error, required = false, id, ...rest }: TextFieldProps) {
  const { i18n } = useTranslation();
  const generatedId = useId();
  // Date fields carry the UI language themselves too, so the browser shows them in it.
  const lang = rest.lang ?? (rest.type !== undefined && DATE_TYPES.has(rest.type) ? i18n.language : undefined);
  const inputId = id ?? `${name}-${generatedId}`;
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={inputId} label={label} required={required} />
      {hint !== undefined && <FieldHint id={`${inputId}-hint`} hint={hint} />}
      <input
        id={inputId}
        name={name}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-required={required || undefined}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedByIds(inputId, hint !== undefined, error !== undefined)}
        className={INPUT_CLASSES}
        {...rest}
        lang={lang}
      />
      {error !== undefined && <FieldError id={`${inputId}-error`} error={error} />}
    </div>
  );
}
