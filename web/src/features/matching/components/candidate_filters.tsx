import { useState, type FormEvent } from 'react';
import { Button } from '../../../shared/ui/button';
import { SelectField } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import { CANDIDATE_PAGE_SIZES, CANDIDATE_SORTS, DEFAULT_FILTERS, type CandidateFilters as Filters } from '../candidate_query';
import { useMatchingTranslation } from '../i18n/matching_i18n';

interface CandidateFiltersProps {
  filters: Filters;
  onApply: (filters: Filters) => void;
  /** The server's messages per parameter when it refused the last query (400). */
  errors: Readonly<Record<string, string>>;
}

/**
 * 「絞り込みと並び順」: the order and lower limits of the candidate list. The
 * server applies them before paging; what it refuses comes back named by
 * parameter and is shown under the field it belongs to.
 */
export function CandidateFilters({ filters, onApply, errors }: CandidateFiltersProps) {
  const { t } = useMatchingTranslation();
  // The page keys this form by its query string, so Back and Forward start it afresh from the URL's filters.
  const [values, setValues] = useState<Filters>(filters);
  const set = (key: keyof Filters) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onApply(values);
  }

  return (
    <section aria-labelledby="candidate-filters-heading" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
      <h2 id="candidate-filters-heading" className="text-std-20B-150 text-solid-gray-900">
        {t('candidates.filters.heading')}
      </h2>
      <form noValidate onSubmit={submit} className="flex flex-col gap-4">
        <div className="grid grid-cols-1 gap-4 desktop:grid-cols-2 desktop-admin:grid-cols-3">
          <SelectField
            name="sort"
            label={t('candidates.filters.sort')}
            promptLabel={null}
            value={values.sort}
            options={CANDIDATE_SORTS.map((sort) => ({ value: sort, label: t(`candidates.filters.sorts.${sort}`) }))}
            onValueChange={set('sort')}
            error={errors.sort}
          />
          <TextField
            name="min_score"
            label={t('candidates.filters.minScore')}
            hint={t('candidates.filters.minScoreHint')}
            inputMode="numeric"
            value={values.min_score}
            onValueChange={set('min_score')}
            error={errors.min_score}
          />
          <TextField
            name="min_experience"
            label={t('candidates.filters.minExperience')}
            hint={t('candidates.filters.minExperienceHint')}
            inputMode="numeric"
            value={values.min_experience}
            onValueChange={set('min_experience')}
            error={errors.min_experience}
          />
          <TextField
            name="max_distance_km"
            label={t('candidates.filters.maxDistance')}
            hint={t('candidates.filters.maxDistanceHint')}
            inputMode="numeric"
            value={values.max_distance_km}
            onValueChange={set('max_distance_km')}
            error={errors.max_distance_km}
          />
          <SelectField
            name="per_page"
            label={t('candidates.filters.perPage')}
            promptLabel={null}
            value={values.per_page}
            options={CANDIDATE_PAGE_SIZES.map((size) => ({ value: size, label: t('candidates.filters.perPageValue', { count: Number(size) }) }))}
            onValueChange={set('per_page')}
            error={errors.per_page}
          />
        </div>
        <div className="flex flex-col gap-3 desktop:flex-row">
          <Button type="submit">{t('candidates.filters.apply')}</Button>
          <Button variant="secondary" onClick={() => onApply(DEFAULT_FILTERS)}>
            {t('candidates.filters.reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}
