import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import type { TranslationKey } from '../../../shared/i18n/message';
import { useMessageText } from '../../../shared/i18n/message';
import { roleLabelKey } from '../../../shared/reference/roles';
import { Alert } from '../../../shared/ui/alert';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { Pagination } from '../../../shared/ui/pagination';
import { useUsers, type ManagedUser } from '../api/users_api';

const PAGE_SIZE = 50;

// Account states the server reports (docs/openapi.yaml, User.status); an unknown one is shown as the raw code rather than hidden.
const KNOWN_STATUSES = ['pending', 'invited', 'active', 'disabled'] as const;

function useStatusLabel(): (status: string) => string {
  const { t } = useTranslation();
  return (status) =>
    (KNOWN_STATUSES as readonly string[]).includes(status) ? t(`users.status.${status}` as TranslationKey) : status;
}

export function UserTable() {
  const { t } = useTranslation();
  const text = useMessageText();
  const statusLabel = useStatusLabel();
  const [page, setPage] = useState(1);
  const users = useUsers(page, PAGE_SIZE);

  if (users.isPending) {
    return <LoadingIndicator />;
  }
  if (users.isError) {
    return (
      <Alert kind="error">
        <p>{text(messageForError(users.error))}</p>
      </Alert>
    );
  }

  const columns: Column<ManagedUser>[] = [
    { header: t('users.loginLabel'), cell: (row) => row.login, className: 'font-700' },
    { header: t('users.nameLabel'), cell: (row) => row.display_name },
    { header: t('users.emailLabel'), cell: (row) => row.email },
    { header: t('users.roleLabel'), cell: (row) => t(roleLabelKey(row.role)) },
    { header: t('users.organisationLabel'), cell: (row) => row.organisations.map((o) => o.name).join(t('common.listSeparator')) },
    { header: t('users.statusLabel'), cell: (row) => statusLabel(row.status), className: 'whitespace-nowrap' },
  ];
  const { items, total } = users.data;

  return (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170 text-solid-gray-800">{t('common.totalCount', { count: total })}</p>
      {items.length === 0 ? (
        <p className="text-std-16N-170">{t('users.empty')}</p>
      ) : (
        <DataTable caption={t('users.listHeading')} columns={columns} rows={items} rowKey={(row) => row.id} />
      )}
      <Pagination page={page} perPage={PAGE_SIZE} total={total} shown={items.length} onPageChange={setPage} label={t('users.pagination')} />
    </div>
  );
}
