import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/text/format_date';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import type { BoardRow, NamedCode } from '../api/beds_api';
import { useBedsTranslation } from '../i18n/beds_i18n';
import { AcceptanceBadges } from './acceptance_badges';

interface BoardTableProps {
  rows: readonly BoardRow[];
  patientCategories: readonly NamedCode[];
  /** The board's query string, so the detail page can lead back to the same rows. */
  search: string;
}

/**
 * The board's rows: a table on wide screens, a card per facility on phones
 * and tablets (the shared DataTable), each naming its values.
 */
export function BoardTable({ rows, patientCategories, search }: BoardTableProps) {
  const { t, language } = useBedsTranslation();
  const columns: Column<BoardRow>[] = [
    {
      header: t('board.columns.facility'),
      cell: (row) => (
        <Link to={`/beds/facilities/${encodeURIComponent(row.facility_id)}`} state={{ search }} className={`${TEXT_LINK_CLASSES} font-700`}>
          {row.name}
        </Link>
      ),
      className: 'min-w-[12rem]',
    },
    { header: t('board.columns.area'), cell: (row) => row.area_name ?? t('board.noArea'), className: 'whitespace-nowrap' },
    { header: t('board.columns.address'), cell: (row) => addressOf(row), className: 'min-w-[10rem]' },
    {
      header: t('board.columns.vacant'),
      cell: (row) => (row.latest === null ? t('board.notReported') : <span className="tabular-nums">{t('board.bedCount', { count: row.vacant ?? 0 })}</span>),
      className: 'whitespace-nowrap',
    },
    {
      header: t('board.columns.acceptance'),
      cell: (row) => (row.latest === null ? t('board.notReported') : <AcceptanceBadges acceptance={row.latest.acceptance} categories={patientCategories} />),
      className: 'min-w-[14rem]',
    },
    {
      header: t('board.columns.updated'),
      cell: (row) => (row.latest === null ? t('board.notReported') : formatDateTime(row.latest.reported_at, language)),
      className: 'whitespace-nowrap',
    },
  ];
  return <DataTable caption={t('board.tableCaption')} columns={columns} rows={rows} rowKey={(row) => row.facility_id} />;
}

/** 都道府県・市区町村・町名番地 as one line. */
export function addressOf(row: Pick<BoardRow, 'prefecture_name' | 'municipality_name' | 'address'>): string {
  return [row.prefecture_name, row.municipality_name ?? '', row.address ?? ''].join('');
}
