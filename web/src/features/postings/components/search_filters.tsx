import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { groupSpecialties, localisedName, useAreas, useCategories, usePrefectures, useSpecialties } from '../../../shared/reference/reference_api';
import { EMPLOYMENT_TYPES, URGENCIES } from '../../../shared/reference/work_codes';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { Button } from '../../../shared/ui/button';
import { SelectField, type SelectOption } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import type { PostingSearchResult } from '../api/postings_api';
import { DEFAULT_FILTERS, TEXT_FILTERS, withFilters, type PostingFilters, type TextFilter } from '../search_params';

type Facets = PostingSearchResult['facets'];

interface SearchFiltersProps {
  filters: PostingFilters;
  facets: Facets | undefined;
  /** The server's messages per query parameter, shown under the filter they are about. */
  fieldErrors: Readonly<Record<string, string>>;
  onSearch: (filters: PostingFilters) => void;
}

/**
 * The filter form. Choices apply when the form is sent (「検索する」), not as
 * they are made, so nothing changes under the user while they choose
 * (WCAG 3.2.2). The page remounts it when the URL changes, so it always starts
 * from the filters of the search on screen.
 */
export function SearchFilters({ filters, facets, fieldErrors, onSearch }: SearchFiltersProps) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const [draft, setDraft] = useState<Record<TextFilter, string>>(() => pickTextFilters(filters));
  const categories = useCategories();
  const specialties = useSpecialties();
  const prefectures = usePrefectures();
  const areas = useAreas(draft.prefecture);

  const set = (name: TextFilter, value: string) => setDraft((previous) => ({ ...previous, [name]: value }));
  const error = (name: string) => fieldErrors[name];

  /**
   * Counts of the results on screen per option. Where a filter is already set
   * the other options would all count 0 (the counts are of this result), so
   * only the chosen option carries its count.
   */
  function withCount(dimension: keyof Facets, options: readonly SelectOption[]): SelectOption[] {
    const counts = facets?.[dimension];
    if (counts === undefined) {
      return [...options];
    }
    const active = filters[dimension];
    return options.map((option) =>
      active !== '' && option.value !== active
        ? option
        : { ...option, label: t('postingSearch.optionWithCount', { label: option.label, count: counts[option.value] ?? 0 }) },
    );
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onSearch(withFilters(filters, draft));
  }

  function clear(): void {
    onSearch({ ...DEFAULT_FILTERS, sort: filters.sort, per_page: filters.per_page });
  }

  const specialtyGroups = groupSpecialties(specialties.data ?? []).map((group) => ({
    label: group.basic,
    options: [
      { value: group.basic, label: t('postingSearch.specialtyWholeArea', { name: group.basic }) },
      ...group.subspecialties.map((name) => ({ value: name, label: name })),
    ],
  }));

  return (
    <form role="search" aria-labelledby="posting-filters-heading" noValidate onSubmit={submit} className="flex flex-col gap-6">
      <h2 id="posting-filters-heading" className="text-std-22B-150 text-solid-gray-900">
        {t('postingSearch.filtersHeading')}
      </h2>
      <TextField
        label={t('postingSearch.keywordLabel')}
        name="q"
        type="search"
        maxLength={200}
        hint={t('postingSearch.keywordHint')}
        value={draft.q}
        onValueChange={(value) => set('q', value)}
        error={error('q')}
      />
      <SelectField
        label={t('postingSearch.categoryLabel')}
        name="category"
        promptLabel={t('postingSearch.all')}
        value={draft.category}
        options={withCount(
          'category',
          (categories.data ?? []).map((category) => ({ value: category.code, label: localisedName(category, i18n.language) })),
        )}
        onValueChange={(value) => set('category', value)}
        error={error('category')}
      />
      <SelectField
        label={t('postingSearch.specialtyLabel')}
        name="specialty"
        promptLabel={t('postingSearch.all')}
        hint={t('postingSearch.specialtyHint')}
        value={draft.specialty}
        options={[]}
        groups={specialtyGroups}
        onValueChange={(value) => set('specialty', value)}
        error={error('specialty')}
      />
      <SelectField
        label={t('postingSearch.prefectureLabel')}
        name="prefecture"
        promptLabel={t('postingSearch.all')}
        value={draft.prefecture}
        options={withCount(
          'prefecture',
          (prefectures.data ?? []).map((prefecture) => ({ value: prefecture.code, label: localisedName(prefecture, i18n.language) })),
        )}
        onValueChange={(value) => setDraft((previous) => ({ ...previous, prefecture: value, area: '' }))}
        error={error('prefecture')}
      />
      <SelectField
        label={t('postingSearch.areaLabel')}
        name="area"
        promptLabel={t('postingSearch.all')}
        hint={t('postingSearch.areaHint')}
        disabled={draft.prefecture === ''}
        value={draft.area}
        options={(draft.prefecture === '' ? [] : (areas.data ?? [])).map((area) => ({ value: area.code, label: area.name }))}
        onValueChange={(value) => set('area', value)}
        error={error('area')}
      />
      <SelectField
        label={t('postingSearch.employmentLabel')}
        name="employment"
        promptLabel={t('postingSearch.all')}
        value={draft.employment}
        options={withCount(
          'employment',
          EMPLOYMENT_TYPES.map((code) => ({ value: code, label: labels.employment(code) })),
        )}
        onValueChange={(value) => set('employment', value)}
        error={error('employment')}
      />
      <SelectField
        label={t('postingSearch.urgencyLabel')}
        name="urgency"
        promptLabel={t('postingSearch.all')}
        value={draft.urgency}
        options={withCount(
          'urgency',
          URGENCIES.map((code) => ({ value: code, label: labels.urgency(code) })),
        )}
        onValueChange={(value) => set('urgency', value)}
        error={error('urgency')}
      />
      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('postingSearch.startDateLegend')}</legend>
        <TextField
          label={t('postingSearch.startFromLabel')}
          name="start_from"
          type="date"
          value={draft.start_from}
          onValueChange={(value) => set('start_from', value)}
          error={error('start_from')}
        />
        <TextField
          label={t('postingSearch.startToLabel')}
          name="start_to"
          type="date"
          value={draft.start_to}
          onValueChange={(value) => set('start_to', value)}
          error={error('start_to')}
        />
      </fieldset>
      <div className="flex flex-col gap-3 desktop:flex-row desktop-admin:flex-col">
        <Button type="submit">{t('postingSearch.submit')}</Button>
        <Button variant="secondary" onClick={clear}>
          {t('postingSearch.clear')}
        </Button>
      </div>
    </form>
  );
}

function pickTextFilters(filters: PostingFilters): Record<TextFilter, string> {
  return Object.fromEntries(TEXT_FILTERS.map((name) => [name, filters[name]])) as Record<TextFilter, string>;
}
