import { useId } from 'react';
import { CHECKBOX_CLASSES } from './checkbox_field';
import type { Choice } from './choice_group';
import { describedByIds, FieldError, FieldHint } from './field_parts';

export interface ChoiceGroup {
  label: string;
  choices: readonly Choice[];
}

interface GroupedCheckboxGroupProps {
  legend: string;
  name: string;
  groups: readonly ChoiceGroup[];
  values: readonly string[];
  onValuesChange: (values: string[]) => void;
  hint?: string;
  error?: string;
  /** The id of the first checkbox, for error-summary links. */
  id?: string;
  /** Shown instead of the groups when there are none (nothing to choose from yet). */
  emptyText?: string;
}

/**
 * Many checkboxes in named groups (診療科 by basic area, 二次医療圏 by
 * prefecture): a fieldset per group inside the fieldset of the question.
 */
export function GroupedCheckboxGroup({ legend, name, groups, values, onValuesChange, hint, error, id, emptyText }: GroupedCheckboxGroupProps) {
  const generatedId = useId();
  const baseId = id ?? `${name}-${generatedId}`;

  function toggle(value: string, checked: boolean): void {
    const next = checked ? [...values, value] : values.filter((v) => v !== value);
    onValuesChange([...new Set(next)]);
  }

  return (
    <fieldset aria-describedby={describedByIds(baseId, hint !== undefined, error !== undefined)} className="flex min-w-0 flex-col gap-3">
      <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{legend}</legend>
      {hint !== undefined && <FieldHint id={`${baseId}-hint`} hint={hint} />}
      {groups.length === 0 && emptyText !== undefined && <p className="text-std-16N-170 text-solid-gray-700">{emptyText}</p>}
      <div className="grid grid-cols-1 items-start gap-4 desktop:grid-cols-2">
        {groups.map((group, groupIndex) => (
          <fieldset key={group.label} className="min-w-0 rounded-8 border border-solid-gray-200 px-4 pb-3 pt-1">
            <legend className="px-1 text-std-16B-170 text-solid-gray-800">{group.label}</legend>
            <div className="grid grid-cols-1 gap-x-6 desktop-admin:grid-cols-2">
              {group.choices.map((choice, choiceIndex) => {
                const inputId = groupIndex === 0 && choiceIndex === 0 ? baseId : `${baseId}-${groupIndex}-${choiceIndex}`;
                return (
                  <div key={choice.value} className="flex min-h-11 items-start gap-3 py-1">
                    <input
                      id={inputId}
                      type="checkbox"
                      name={name}
                      value={choice.value}
                      checked={values.includes(choice.value)}
                      onChange={(event) => toggle(choice.value, event.target.checked)}
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
          </fieldset>
        ))}
      </div>
      {error !== undefined && <FieldError id={`${baseId}-error`} error={error} />}
    </fieldset>
  );
}
