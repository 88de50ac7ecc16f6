import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { organisationKindLabelKey } from '../../../shared/reference/organisation_kinds';
import { prefectureName } from '../../../shared/reference/prefectures';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { Pagination } from '../../../shared/ui/pagination';
import { useOrganisations, type Organisation } from '../api/organisations_api';
import { useAdminTranslation } from '../i18n/admin_i18n';
import { OrganisationChangeForm } from './organisation_change_form';
import { OrganisationScopeText } from './organisation_scope_text';

const PAGE_SIZE = 50;

export function OrganisationTable() {
  const { t, i18n } = useTranslation();
  const { t: tAdmin } = useAdminTranslation();
  const text = useMessageText();
  const [page, setPage] = useState(1);
  const organisations = useOrganisations(page, PAGE_SIZE);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [changedName, setChangedName] = useState<string | null>(null);
  const changedAlert = useRef<HTMLDivElement>(null);
  // The 「変更」 button that opened the form, so that 「やめる」 can put focus back on it.
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (changedName !== null) {
      changedAlert.current?.focus();
    }
  }, [changedName]);

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

  function startEditing(organisation: Organisation, button: HTMLElement): void {
    opener.current = button;
    setChangedName(null);
    setEditing(organisation);
  }

  function cancelEditing(): void {
    setEditing(null);
    opener.current?.focus();
  }

  function finishEditing(changed: Organisation): void {
    setEditing(null);
    setChangedName(changed.name);
  }

  const columns: Column<Organisation>[] = [
    { header: t('organisations.nameLabel'), cell: (row) => row.name, className: 'font-700' },
    { header: t('organisations.kindLabel'), cell: (row) => t(organisationKindLabelKey(row.kind)) },
    { header: t('organisations.prefectureLabel'), cell: (row) => prefectureName(row.prefecture, i18n.language) },
    { header: tAdmin('organisations.scopeLabel'), cell: (row) => <OrganisationScopeText organisation={row} /> },
    {
      header: t('organisations.createdAtLabel'),
      cell: (row) => formatDateTime(row.created_at, i18n.language),
      className: 'whitespace-nowrap',
    },
    {
      header: tAdmin('organisations.actionsLabel'),
      cell: (row) => (
        <Button variant="secondary" className="min-h-11 px-3" onClick={(event) => startEditing(row, event.currentTarget)}>
          {tAdmin('organisations.edit')}
          <span className="sr-only">{tAdmin('organisations.editFor', { name: row.name })}</span>
        </Button>
      ),
      className: 'whitespace-nowrap',
    },
  ];
  const { items, total } = organisations.data;

  return (
    <div className="flex flex-col gap-4">
      {changedName !== null && (
        <Alert kind="success" ref={changedAlert}>
          <p>{tAdmin('organisations.updated', { name: changedName })}</p>
        </Alert>
      )}
      {editing !== null && (
        <OrganisationChangeForm key={editing.id} organisation={editing} onSaved={finishEditing} onCancel={cancelEditing} />
      )}
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
