import { useId, type InputHTMLAttributes } from 'react';
import { describedByIds, FieldError, FieldHint, FieldLabel, INPUT_CLASSES } from './field_parts';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
}

export function TextField({ label, name, value, onValueChange, hint, error, required = false, id, ...rest }: TextFieldProps) {
  const generatedId = useId();
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
      />
      {error !== undefined && <FieldError id={`${inputId}-error`} error={error} />}
    </div>
  );
}
