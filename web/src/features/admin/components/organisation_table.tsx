import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { organisationKindLabelKey } from '../../../shared/reference/organisation_kinds';
import { prefectureName } from '../../../shared/reference/prefectures';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Alert } from '../../../shared/ui/alert';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { Pagination } from '../../../shared/ui/pagination';
import { useOrganisations, type Organisation } from '../api/organisations_api';

const PAGE_SIZE = 50;

export function OrganisationTable() {
  const { t, i18n } = useTranslation();
  const text = useMessageText();
  const [page, setPage] = useState(1);
  const organisations = useOrganisations(page, PAGE_SIZE);

  if (organisations.isPending) {
    return <LoadingIndicator />;
  }
  if (organisations.isError) {
    return (
      <Alert kind="error">
        <p>{text(messageForError(organisations.error))}</p>
      </Alert>
    );
  }

  const columns: Column<Organisation>[] = [
    { header: t('organisations.nameLabel'), cell: (row) => row.name, className: 'font-700' },
    { header: t('organisations.kindLabel'), cell: (row) => t(organisationKindLabelKey(row.kind)) },
    { header: t('organisations.prefectureLabel'), cell: (row) => prefectureName(row.prefecture, i18n.language) },
    {
      header: t('organisations.createdAtLabel'),
      cell: (row) => formatDateTime(row.created_at, i18n.language),
      className: 'whitespace-nowrap',
    },
  ];
  const { items, total } = organisations.data;

  return (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170 text-solid-gray-800">{t('common.totalCount', { count: total })}</p>
      {items.length === 0 ? (
        <p className="text-std-16N-170">{t('organisations.empty')}</p>
      ) : (
        <DataTable caption={t('organisations.listHeading')} columns={columns} rows={items} rowKey={(row) => row.id} />
      )}
      <Pagination page={page} perPage={PAGE_SIZE} total={total} shown={items.length} onPageChange={setPage} label={t('organisations.pagination')} />
    </div>
  );
}
