import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import type { TranslationKey } from '../../../shared/i18n/message';
import { useMessageText } from '../../../shared/i18n/message';
import { roleLabelKey } from '../../../shared/reference/roles';
import { useCurrentUser } from '../../../shared/session/use_session';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { Pagination } from '../../../shared/ui/pagination';
import { useUsers, type ManagedUser, type SettableUserStatus } from '../api/users_api';
import { useAdminTranslation, type AdminKey } from '../i18n/admin_i18n';
import { SecondFactorResetPanel } from './second_factor_reset_panel';
import { UserStatusPanel } from './user_status_panel';

const PAGE_SIZE = 50;

// Account states the server reports (docs/openapi.yaml, User.status); an unknown one is shown as the raw code rather than hidden.
const KNOWN_STATUSES = ['pending', 'invited', 'active', 'disabled'] as const;

/** Statuses the secretariat may stop; a `pending` user (e-mail not confirmed yet) cannot be (409 `user_pending`). */
const STOPPABLE_STATUSES: readonly string[] = ['active', 'invited'];

/** The confirmation that is open: turning off someone's second factor, or changing their status. */
type Confirmation =
  | { action: 'resetSecondFactor'; user: ManagedUser }
  | { action: 'changeStatus'; user: ManagedUser; status: SettableUserStatus };

/** What the last confirmed action did, said in the success message (a new object each time, so focus moves again). */
interface Done {
  message: AdminKey;
  login: string;
}

const DONE_MESSAGES: Record<SettableUserStatus, AdminKey> = { disabled: 'users.stopDone', active: 'users.resumeDone' };

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
  // The secretariat user looking at the list: their own account has no 「利用停止」 (the server refuses it too).
  const ownId = useCurrentUser().data?.id;
  // The action waiting for confirmation (one at a time), and the last one that was carried out.
  const [confirming, setConfirming] = useState<Confirmation | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const doneAlert = useRef<HTMLDivElement>(null);
  // The button that opened the confirmation, so that 「やめる」 can put focus back on it.
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (done !== null) {
      doneAlert.current?.focus();
    }
  }, [done]);

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

  function ask(confirmation: Confirmation, button: HTMLElement): void {
    opener.current = button;
    setDone(null);
    setConfirming(confirmation);
  }

  function cancel(): void {
    setConfirming(null);
    opener.current?.focus();
  }

  function finishReset(user: ManagedUser): void {
    setConfirming(null);
    setDone({ message: 'users.resetDone', login: user.login });
  }

  function finishStatusChange(user: ManagedUser, status: SettableUserStatus): void {
    setConfirming(null);
    setDone({ message: DONE_MESSAGES[status], login: user.login });
  }

  function statusCell(row: ManagedUser) {
    const canStop = STOPPABLE_STATUSES.includes(row.status) && row.id !== ownId;
    const canResume = row.status === 'disabled';
    return (
      <span className="flex flex-col items-start gap-2">
        <span className="whitespace-nowrap">{statusLabel(row.status)}</span>
        {canStop && (
          <Button
            variant="secondary"
            className="min-h-11 whitespace-nowrap px-3"
            onClick={(event) => ask({ action: 'changeStatus', user: row, status: 'disabled' }, event.currentTarget)}
          >
            {tAdmin('users.stopUser')}
            <span className="sr-only">{tAdmin('users.stopUserFor', { login: row.login })}</span>
          </Button>
        )}
        {canResume && (
          <Button
            variant="secondary"
            className="min-h-11 whitespace-nowrap px-3"
            onClick={(event) => ask({ action: 'changeStatus', user: row, status: 'active' }, event.currentTarget)}
          >
            {tAdmin('users.resumeUser')}
            <span className="sr-only">{tAdmin('users.resumeUserFor', { login: row.login })}</span>
          </Button>
        )}
      </span>
    );
  }

  const columns: Column<ManagedUser>[] = [
    { header: t('users.loginLabel'), cell: (row) => row.login, className: 'font-700' },
    { header: t('users.nameLabel'), cell: (row) => row.display_name },
    { header: t('users.emailLabel'), cell: (row) => row.email },
    { header: t('users.roleLabel'), cell: (row) => t(roleLabelKey(row.role)) },
    { header: t('users.organisationLabel'), cell: (row) => row.organisations.map((o) => o.name).join(t('common.listSeparator')) },
    { header: t('users.statusLabel'), cell: statusCell },
    {
      header: tAdmin('users.secondFactorLabel'),
      cell: (row) => (
        <span className="flex flex-col items-start gap-2">
          <span className="whitespace-nowrap">{row.second_factor_enabled ? tAdmin('users.secondFactorEnabled') : tAdmin('users.secondFactorDisabled')}</span>
          {row.second_factor_enabled && (
            <Button
              variant="secondary"
              className="min-h-11 whitespace-nowrap px-3"
              onClick={(event) => ask({ action: 'resetSecondFactor', user: row }, event.currentTarget)}
            >
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
      {done !== null && (
        <Alert kind="success" ref={doneAlert}>
          <p>{tAdmin(done.message, { login: done.login })}</p>
        </Alert>
      )}
      {confirming?.action === 'resetSecondFactor' && (
        <SecondFactorResetPanel key={`reset-${confirming.user.id}`} user={confirming.user} onReset={finishReset} onCancel={cancel} />
      )}
      {confirming?.action === 'changeStatus' && (
        <UserStatusPanel
          key={`status-${confirming.status}-${confirming.user.id}`}
          user={confirming.user}
          status={confirming.status}
          onChanged={finishStatusChange}
          onCancel={cancel}
        />
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
