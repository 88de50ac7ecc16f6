import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKBOX_CLASSES } from './checkbox_field';
import { describedByIds, FieldError, FieldHint } from './field_parts';

export interface Choice {
  value: string;
  label: string;
}

interface ChoiceGroupBaseProps {
  legend: string;
  name: string;
  choices: readonly Choice[];
  hint?: string;
  error?: string;
  required?: boolean;
  /**
   * The id of the first input, so an error summary can link to the group.
   * The other inputs get this id with their value appended.
   */
  id?: string;
  /** Grid classes for the choices; one column on a phone by default. */
  layout?: string;
  /** Shown between the legend and the choices (grouped lists, a note). */
  children?: ReactNode;
}

interface RadioGroupProps extends ChoiceGroupBaseProps {
  value: string;
  onValueChange: (value: string) => void;
}

interface CheckboxGroupProps extends ChoiceGroupBaseProps {
  values: readonly string[];
  onValuesChange: (values: string[]) => void;
}

/** One choice out of a few, all visible at once (雇用形態, 緊急度): radio buttons in a fieldset. */
export function RadioGroup({ value, onValueChange, ...props }: RadioGroupProps) {
  return <ChoiceFieldset {...props} type="radio" isChecked={(choice) => choice === value} onToggle={(choice) => onValueChange(choice)} />;
}

/** Any number of choices (曜日, 職種): checkboxes in a fieldset. The values keep the order of `choices`. */
export function CheckboxGroup({ values, onValuesChange, choices, ...props }: CheckboxGroupProps) {
  return (
    <ChoiceFieldset
      {...props}
      choices={choices}
      type="checkbox"
      isChecked={(choice) => values.includes(choice)}
      onToggle={(choice, checked) => {
        const next = new Set(values);
        if (checked) {
          next.add(choice);
        } else {
          next.delete(choice);
        }
        // Values not among the choices (chosen under another filter) are kept at the end.
        const ordered = choices.map((c) => c.value).filter((v) => next.has(v));
        const others = [...next].filter((v) => !choices.some((c) => c.value === v));
        onValuesChange([...ordered, ...others]);
      }}
    />
  );
}

interface ChoiceFieldsetProps extends ChoiceGroupBaseProps {
  type: 'radio' | 'checkbox';
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}

/**
 * The legend names the group (and says whether it is required); hint and error
 * describe the fieldset, and every input is marked invalid while the group is.
 */
function ChoiceFieldset({ legend, name, choices, hint, error, required = false, id, layout, children, type, isChecked, onToggle }: ChoiceFieldsetProps) {
  const { t } = useTranslation();
  const generatedId = useId();
  const baseId = id ?? `${name}-${generatedId}`;
  return (
    <fieldset aria-describedby={describedByIds(baseId, hint !== undefined, error !== undefined)} className="flex min-w-0 flex-col gap-2">
      <legend className="mb-2 flex flex-wrap items-center gap-2 text-std-17B-170 text-solid-gray-900">
        <span>{legend}</span>
        {required && <span className="text-dns-14N-130 text-error-1">{t('form.required')}</span>}
      </legend>
      {hint !== undefined && <FieldHint id={`${baseId}-hint`} hint={hint} />}
      {children}
      <div className={layout ?? 'grid grid-cols-1 gap-x-6 gap-y-1 desktop:grid-cols-2'}>
        {choices.map((choice, index) => {
          const inputId = index === 0 ? baseId : `${baseId}-${choice.value}`;
          return (
            <div key={choice.value} className="flex min-h-11 items-start gap-3 py-1">
              <input
                id={inputId}
                type={type}
                name={name}
                value={choice.value}
                checked={isChecked(choice.value)}
                onChange={(event) => onToggle(choice.value, event.target.checked)}
                aria-invalid={error !== undefined ? true : undefined}
                className={CHECKBOX_CLASSES}
              />
              <label htmlFor={inputId} className="cursor-pointer text-std-16N-170 text-solid-gray-900">
                {choice.label}
              </label>
            </div>
          );
        })}
      </div>
      {error !== undefined && <FieldError id={`${baseId}-error`} error={error} />}
    </fieldset>
  );
}
