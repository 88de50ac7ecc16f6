import { useTranslation } from 'react-i18next';
import { Button } from './button';

interface PaginationProps {
  page: number;
  perPage: number;
  total: number;
  /** How many items the server returned for this page. */
  shown: number;
  onPageChange: (page: number) => void;
  /** Names what is paged, for screen readers ("組織一覧のページ"). */
  label: string;
}

/**
 * Previous/next paging with the visible range. Hidden when everything is
 * already shown: on one page, or because the server answered with the whole
 * list (it ignores page/per_page where it does not paginate yet).
 */
export function Pagination({ page, perPage, total, shown, onPageChange, label }: PaginationProps) {
  const { t } = useTranslation();
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (pageCount <= 1 || (page === 1 && shown >= total)) {
    return null;
  }
  const from = (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-4">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <p className="text-std-16N-170 text-solid-gray-800">{t('pagination.range', { from, to, total })}</p>
      <Button variant="secondary" disabled={page >= pageCount} onClick={() => onPageChange(page + 1)}>
        {t('pagination.next')}
      </Button>
    </nav>
  );
}
