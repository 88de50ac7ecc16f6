import { useState, type FormEvent } from 'react';
import { localisedName, useAreas, usePrefectures, type Area } from '../../../shared/reference/reference_api';
import { Button } from '../../../shared/ui/button';
import { SelectField, type SelectOptionGroup } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import type { NamedCode } from '../api/beds_api';
import {
  BOARD_SORTS,
  BOARD_TEXT_FILTERS,
  DEFAULT_BOARD_FILTERS,
  withBoardFilters,
  type BoardFilters as Filters,
  type BoardSort,
  type BoardTextFilter,
} from '../board_params';
import { useBedsTranslation } from '../i18n/beds_i18n';
import { useBedLabels } from '../use_bed_labels';

interface BoardFiltersProps {
  filters: Filters;
  /**
   * null for the secretariat, who chooses any prefecture; an aggregator's
   * prefectures otherwise (the server keeps them to those anyway), whose
   * areas are offered without a prefecture filter.
   */
  scopePrefectures: readonly string[] | null;
  patientCategories: readonly NamedCode[];
  /** The server's messages per query parameter. */
  fieldErrors: Readonly<Record<string, string>>;
  onSearch: (filters: Filters) => void;
}

/**
 * The board's search form. Choices apply when it is sent, so nothing moves
 * while the user chooses (WCAG 3.2.2). The page remounts it when the URL
 * changes, so it always shows the filters of the rows on screen.
 */
export function BoardFilters({ filters, scopePrefectures, patientCategories, fieldErrors, onSearch }: BoardFiltersProps) {
  const { t, language } = useBedsTranslation();
  const labels = useBedLabels();
  const [draft, setDraft] = useState<Record<BoardTextFilter, string> & { sort: BoardSort }>(() => ({
    ...(Object.fromEntries(BOARD_TEXT_FILTERS.map((name) => [name, filters[name]])) as Record<BoardTextFilter, string>),
    sort: filters.sort,
  }));
  const set = (name: BoardTextFilter, value: string) => setDraft((previous) => ({ ...previous, [name]: value }));
  const prefectures = usePrefectures();
  const secretariat = scopePrefectures === null;
  // One prefecture: its areas. Several (or the secretariat's choice): that prefecture's, or all to be grouped.
  const areaPrefecture = secretariat ? draft.prefecture : scopePrefectures.length === 1 ? (scopePrefectures[0] ?? '') : null;
  const areas = useAreas(areaPrefecture);
  const scopedAreas = (areas.data ?? []).filter((area) => secretariat || scopePrefectures.includes(area.prefecture));
  const prefectureName = (code: string) => {
    const prefecture = (prefectures.data ?? []).find((p) => p.code === code);
    return prefecture === undefined ? code : localisedName(prefecture, language);
  };

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onSearch(withBoardFilters(filters, draft));
  }

  function clear(): void {
    onSearch({ ...DEFAULT_BOARD_FILTERS, sort: filters.sort });
  }

  const groupedAreas = !secretariat && scopePrefectures.length > 1;
  return (
    <form role="search" aria-labelledby="board-filters-heading" noValidate onSubmit={submit} className="flex flex-col gap-6">
      <h2 id="board-filters-heading" className="text-std-22B-150 text-solid-gray-900">
        {t('board.filtersHeading')}
      </h2>
      <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2 desktop-admin:grid-cols-3">
        {secretariat && (
          <SelectField
            label={t('board.prefectureLabel')}
            name="prefecture"
            promptLabel={t('board.all')}
            value={draft.prefecture}
            options={(prefectures.data ?? []).map((prefecture) => ({ value: prefecture.code, label: localisedName(prefecture, language) }))}
            onValueChange={(value) => setDraft((previous) => ({ ...previous, prefecture: value, area: '' }))}
            error={fieldErrors.prefecture}
          />
        )}
        <SelectField
          label={t('board.areaLabel')}
          name="area"
          promptLabel={t('board.all')}
          hint={secretariat ? t('board.areaHint') : undefined}
          disabled={secretariat && draft.prefecture === ''}
          value={draft.area}
          options={groupedAreas ? [] : scopedAreas.map(areaOption)}
          groups={groupedAreas ? groupAreas(scopedAreas, prefectureName) : []}
          onValueChange={(value) => set('area', value)}
          error={fieldErrors.area}
        />
        <TextField
          label={t('board.keywordLabel')}
          name="q"
          type="search"
          maxLength={100}
          hint={t('board.keywordHint')}
          value={draft.q}
          onValueChange={(value) => set('q', value)}
          error={fieldErrors.q}
        />
        <SelectField
          label={t('board.acceptsLabel')}
          name="accepts"
          promptLabel={t('board.all')}
          hint={t('board.acceptsHint')}
          value={draft.accepts}
          options={patientCategories.map((category) => ({ value: category.code, label: labels.patientCategory(category.code, category.name) }))}
          onValueChange={(value) => set('accepts', value)}
          error={fieldErrors.accepts}
        />
        <SelectField
          label={t('board.sortLabel')}
          name="sort"
          promptLabel={null}
          value={draft.sort}
          options={BOARD_SORTS.map((sort) => ({ value: sort, label: t(`board.sort.${sort}`) }))}
          onValueChange={(value) => setDraft((previous) => ({ ...previous, sort: value as BoardSort }))}
          error={fieldErrors.sort}
        />
      </div>
      <div className="flex flex-col gap-3 desktop:flex-row">
        <Button type="submit">{t('board.submit')}</Button>
        <Button variant="secondary" onClick={clear}>
          {t('board.clear')}
        </Button>
      </div>
    </form>
  );
}

function areaOption(area: Area) {
  return { value: area.code, label: area.name };
}

function groupAreas(areas: readonly Area[], prefectureName: (code: string) => string): SelectOptionGroup[] {
  const groups = new Map<string, Area[]>();
  for (const area of areas) {
    groups.set(area.prefecture, [...(groups.get(area.prefecture) ?? []), area]);
  }
  return [...groups].map(([prefecture, list]) => ({ label: prefectureName(prefecture), options: list.map(areaOption) }));
}
