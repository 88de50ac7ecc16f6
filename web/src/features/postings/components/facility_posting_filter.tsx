import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { POSTING_STATUSES } from '../../../shared/postings/posting';
import { localisedName, useCategories } from '../../../shared/reference/reference_api';
import { Button } from '../../../shared/ui/button';
import { SelectField } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import type { FacilityPostingFilter } from '../api/postings_api';

interface FacilityPostingFilterFormProps {
  filter: FacilityPostingFilter;
  /** The server's messages per query parameter, shown under the filter they are about. */
  fieldErrors: Readonly<Record<string, string>>;
  onApply: (filter: FacilityPostingFilter) => void;
}

/**
 * 状態, 職種 and a word over the title and the duties. Applied when sent (「絞り込む」), not as chosen,
 * so the list does not change under the user mid-choice (WCAG 3.2.2); sending starts again at page 1.
 * The page remounts it when the URL changes, so it always shows the filter of the list on screen.
 */
export function FacilityPostingFilterForm({ filter, fieldErrors, onApply }: FacilityPostingFilterFormProps) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const [draft, setDraft] = useState(filter);

  function submit(event: FormEvent): void {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim(), page: 1 });
  }

  return (
    <form role="search" aria-label={t('facilityPostings.filter.label')} onSubmit={submit} className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 desktop:p-6">
      <div className="grid grid-cols-1 gap-4 desktop:grid-cols-3">
        <SelectField
          label={t('facilityPostings.filter.status')}
          name="status"
          value={draft.status}
          promptLabel={t('facilityPostings.filter.any')}
          options={POSTING_STATUSES.map((status) => ({ value: status, label: t(`codes.status.${status}`) }))}
          onValueChange={(status) => setDraft((previous) => ({ ...previous, status }))}
          error={fieldErrors.status}
        />
        <SelectField
          label={t('facilityPostings.filter.category')}
          name="category"
          value={draft.category}
          promptLabel={t('facilityPostings.filter.any')}
          options={(categories.data ?? []).map((category) => ({ value: category.code, label: localisedName(category, i18n.language) }))}
          onValueChange={(category) => setDraft((previous) => ({ ...previous, category }))}
          error={fieldErrors.category}
        />
        <TextField
          label={t('facilityPostings.filter.q')}
          name="q"
          type="search"
          value={draft.q}
          hint={t('facilityPostings.filter.qHint')}
          onValueChange={(q) => setDraft((previous) => ({ ...previous, q }))}
          error={fieldErrors.q}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{t('facilityPostings.filter.apply')}</Button>
        <Button variant="text" onClick={() => onApply({ status: '', category: '', q: '', page: 1 })}>
          {t('facilityPostings.filter.clear')}
        </Button>
      </div>
    </form>
  );
}
