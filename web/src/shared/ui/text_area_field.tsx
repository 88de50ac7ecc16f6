import { useId, type TextareaHTMLAttributes } from 'react';
import { describedByIds, FieldError, FieldHint, FieldLabel, INPUT_CLASSES } from './field_parts';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: string;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
}

/** Several lines of free text; the text is kept exactly as typed, line breaks included. */
export function TextAreaField({ label, name, value, onValueChange, hint, error, required = false, id, rows = 5, ...rest }: TextAreaFieldProps) {
  const generatedId = useId();
  const inputId = id ?? `${name}-${generatedId}`;
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={inputId} label={label} required={required} />
      {hint !== undefined && <FieldHint id={`${inputId}-hint`} hint={hint} />}
      <textarea
        id={inputId}
        name={name}
        value={value}
        rows={rows}
        onChange={(event) => onValueChange(event.target.value)}
        aria-required={required || undefined}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedByIds(inputId, hint !== undefined, error !== undefined)}
        className={`${INPUT_CLASSES} resize-y`}
        {...rest}
      />
      {error !== undefined && <FieldError id={`${inputId}-error`} error={error} />}
    </div>
  );
}
