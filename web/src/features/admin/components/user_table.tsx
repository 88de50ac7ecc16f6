import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import type { TranslationKey } from '../../../shared/i18n/message';
import { useMessageText } from '../../../shared/i18n/message';
import { roleLabelKey } from '../../../shared/reference/roles';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { Pagination } from '../../../shared/ui/pagination';
import { useUsers, type ManagedUser } from '../api/users_api';
import { useAdminTranslation } from '../i18n/admin_i18n';
import { SecondFactorResetPanel } from './second_factor_reset_panel';

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
  const { t: tAdmin } = useAdminTranslation();
  const text = useMessageText();
  const statusLabel = useStatusLabel();
  const [page, setPage] = useState(1);
  const users = useUsers(page, PAGE_SIZE);
  // The user whose second factor is about to be turned off (the confirmation is open), and the last one that was.
  const [resetting, setResetting] = useState<ManagedUser | null>(null);
  const [resetLogin, setResetLogin] = useState<string | null>(null);
  const resetAlert = useRef<HTMLDivElement>(null);
  // The button that opened the confirmation, so that 「やめる」 can put focus back on it.
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (resetLogin !== null) {
      resetAlert.current?.focus();
    }
  }, [resetLogin]);

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

  function askToReset(user: ManagedUser, button: HTMLElement): void {
    opener.current = button;
    setResetLogin(null);
    setResetting(user);
  }

  function cancelReset(): void {
    setResetting(null);
    opener.current?.focus();
  }

  function finishReset(user: ManagedUser): void {
    setResetting(null);
    setResetLogin(user.login);
  }

  const columns: Column<ManagedUser>[] = [
    { header: t('users.loginLabel'), cell: (row) => row.login, className: 'font-700' },
    { header: t('users.nameLabel'), cell: (row) => row.display_name },
    { header: t('users.emailLabel'), cell: (row) => row.email },
    { header: t('users.roleLabel'), cell: (row) => t(roleLabelKey(row.role)) },
    { header: t('users.organisationLabel'), cell: (row) => row.organisations.map((o) => o.name).join(t('common.listSeparator')) },
    { header: t('users.statusLabel'), cell: (row) => statusLabel(row.status), className: 'whitespace-nowrap' },
    {
      header: tAdmin('users.secondFactorLabel'),
      cell: (row) => (
        <span className="flex flex-col items-start gap-2">
          <span className="whitespace-nowrap">{row.second_factor_enabled ? tAdmin('users.secondFactorEnabled') : tAdmin('users.secondFactorDisabled')}</span>
          {row.second_factor_enabled && (
            <Button variant="secondary" className="min-h-11 whitespace-nowrap px-3" onClick={(event) => askToReset(row, event.currentTarget)}>
              {tAdmin('users.resetSecondFactor')}
              <span className="sr-only">{tAdmin('users.resetSecondFactorFor', { login: row.login })}</span>
            </Button>
          )}
        </span>
      ),
    },
  ];
  const { items, total } = users.data;

  return (
    <div className="flex flex-col gap-4">
      {resetLogin !== null && (
        <Alert kind="success" ref={resetAlert}>
          <p>{tAdmin('users.resetDone', { login: resetLogin })}</p>
        </Alert>
      )}
      {resetting !== null && (
        <SecondFactorResetPanel key={resetting.id} user={resetting} onReset={finishReset} onCancel={cancelReset} />
      )}
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
