import { useId, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { describedByIds, FieldError, FieldHint, FieldLabel, INPUT_CLASSES } from './field_parts';

export interface SelectOption {
  value: string;
  label: string;
}

/** Options shown under a heading of their own (a basic specialty and its subspecialties). */
export interface SelectOptionGroup {
  label: string;
  options: readonly SelectOption[];
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: string;
  name: string;
  value: string;
  options: readonly SelectOption[];
  /** Grouped options, shown after `options`. */
  groups?: readonly SelectOptionGroup[];
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
  /**
   * The text of the empty first option: 「選択してください」 unless given (a
   * filter says 「すべて」); null for a select that always has a value.
   */
  promptLabel?: string | null;
}

export function SelectField({
  label,
  name,
  value,
  options,
  groups = [],
  onValueChange,
  hint,
  error,
  promptLabel,
  required = false,
  id,
  ...rest
}: SelectFieldProps) {
  const { t } = useTranslation();
  const generatedId = useId();
  const selectId = id ?? `${name}-${generatedId}`;
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={selectId} label={label} required={required} />
      {hint !== undefined && <FieldHint id={`${selectId}-hint`} hint={hint} />}
      <div className="relative">
        <select
          id={selectId}
          name={name}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-required={required || undefined}
          aria-invalid={error !== undefined ? true : undefined}
          aria-describedby={describedByIds(selectId, hint !== undefined, error !== undefined)}
          className={`${INPUT_CLASSES} appearance-none pr-12 disabled:cursor-not-allowed disabled:border-solid-gray-300 disabled:bg-solid-gray-50 disabled:text-solid-gray-600`}
          {...rest}
        >
          {promptLabel !== null && <option value="">{promptLabel ?? t('form.selectPrompt')}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {/* A drawn arrow, because appearance-none removes the native one. */}
        <svg
          aria-hidden="true"
          className="pointer-events-none absolute right-4 top-1/2 h-4 w-4 -translate-y-1/2 text-solid-gray-900"
          viewBox="0 0 16 16"
        >
          <path d="M2 5l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </div>
      {error !== undefined && <FieldError id={`${selectId}-error`} error={error} />}
    </div>
  );
}
