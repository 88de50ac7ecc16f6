import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button';
import { SelectField } from '../../../shared/ui/select_field';
import { PAGE_SIZES, SORT_ORDERS, withFilters, type PostingFilters, type SortOrder } from '../search_params';

interface SortControlsProps {
  filters: PostingFilters;
  fieldErrors: Readonly<Record<string, string>>;
  onChange: (filters: PostingFilters) => void;
}

/** Order and page size of the results; applied with a button, like the filters. */
export function SortControls({ filters, fieldErrors, onChange }: SortControlsProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<string>(filters.sort);
  const [perPage, setPerPage] = useState(String(filters.per_page));

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onChange(withFilters(filters, { sort: sort as SortOrder, per_page: Number(perPage) || filters.per_page }));
  }

  return (
    <form
      aria-label={t('postingSearch.sortFormLabel')}
      noValidate
      onSubmit={submit}
      className="grid grid-cols-1 items-end gap-4 desktop:grid-cols-[1fr_1fr_auto]"
    >
      <SelectField
        label={t('postingSearch.sortLabel')}
        name="sort"
        promptLabel={null}
        value={sort}
        options={SORT_ORDERS.map((order) => ({ value: order, label: t(`postingSearch.sort.${order}`) }))}
        onValueChange={setSort}
        error={fieldErrors.sort}
      />
      <SelectField
        label={t('postingSearch.perPageLabel')}
        name="per_page"
        promptLabel={null}
        value={perPage}
        options={pageSizes(filters.per_page).map((size) => ({ value: String(size), label: t('postingSearch.perPageOption', { count: size }) }))}
        onValueChange={setPerPage}
        error={fieldErrors.per_page ?? fieldErrors.page}
      />
      <Button type="submit" variant="secondary">
        {t('postingSearch.applySort')}
      </Button>
    </form>
  );
}

/** The offered page sizes, plus one that came in a shared link. */
function pageSizes(current: number): number[] {
  return [...new Set<number>([...PAGE_SIZES, current])].sort((a, b) => a - b);
}
