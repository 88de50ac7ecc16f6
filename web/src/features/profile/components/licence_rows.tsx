import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localisedName, type Category } from '../../../shared/reference/reference_api';
import { Button } from '../../../shared/ui/button';
import { describedByIds, FieldError, FieldHint } from '../../../shared/ui/field_parts';
import { SelectField } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import type { Licence } from '../api/profile_api';

interface LicenceRowsProps {
  id: string;
  licences: readonly Licence[];
  categories: readonly Category[];
  onChange: (licences: Licence[]) => void;
  error?: string;
}

/**
 * 免許: rows of job category and licence number, added and removed one by
 * one. A new row's first input takes focus; after a removal focus goes to
 * the 「免許を追加」 button, so keyboard users are never left nowhere.
 */
export function LicenceRows({ id, licences, categories, onChange, error }: LicenceRowsProps) {
  const { t, i18n } = useTranslation();
  const addButton = useRef<HTMLButtonElement>(null);
  const previousCount = useRef(licences.length);

  useEffect(() => {
    if (licences.length > previousCount.current) {
      document.getElementById(categoryId(id, licences.length - 1))?.focus();
    }
    previousCount.current = licences.length;
  }, [id, licences.length]);

  const set = (index: number, change: Partial<Licence>) =>
    onChange(licences.map((licence, i) => (i === index ? { ...licence, ...change } : licence)));

  return (
    <fieldset aria-describedby={describedByIds(id, true, error !== undefined)} className="flex min-w-0 flex-col gap-4">
      <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('profile.licencesLabel')}</legend>
      <FieldHint id={`${id}-hint`} hint={t('profile.licencesHint')} />
      {licences.length === 0 && <p className="text-std-16N-170 text-solid-gray-700">{t('profile.noLicences')}</p>}
      <ol className="flex flex-col gap-4">
        {licences.map((licence, index) => (
          <li key={index} className="grid grid-cols-1 items-end gap-4 rounded-8 border border-solid-gray-200 p-4 desktop:grid-cols-[1fr_1fr_auto]">
            <SelectField
              id={categoryId(id, index)}
              label={t('profile.licenceCategoryLabel', { number: index + 1 })}
              name={`licences.${index}.category`}
              value={licence.category}
              options={categories.map((category) => ({ value: category.code, label: localisedName(category, i18n.language) }))}
              onValueChange={(value) => set(index, { category: value })}
              aria-invalid={error !== undefined ? true : undefined}
            />
            <TextField
              id={`${id}-${index}-number`}
              label={t('profile.licenceNumberLabel', { number: index + 1 })}
              name={`licences.${index}.number`}
              maxLength={20}
              autoComplete="off"
              value={licence.number}
              onValueChange={(value) => set(index, { number: value })}
              aria-invalid={error !== undefined ? true : undefined}
            />
            <Button
              variant="secondary"
              onClick={() => {
                onChange(licences.filter((_, i) => i !== index));
                addButton.current?.focus();
              }}
            >
              {t('profile.removeLicence', { number: index + 1 })}
            </Button>
          </li>
        ))}
      </ol>
      {/* Without rows, this button is where the error summary's link leads. */}
      <div>
        <Button
          ref={addButton}
          id={licences.length === 0 ? id : undefined}
          variant="secondary"
          onClick={() => onChange([...licences, { category: '', number: '' }])}
        >
          {t('profile.addLicence')}
        </Button>
      </div>
      {error !== undefined && <FieldError id={`${id}-error`} error={error} />}
    </fieldset>
  );
}

/** The first row's select carries the group's id, so the error summary's link lands on it. */
function categoryId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index}-category`;
}
