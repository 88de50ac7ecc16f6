import { useEffect, useId, useRef } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { useResetSecondFactor, type ManagedUser } from '../api/users_api';
import { useAdminTranslation } from '../i18n/admin_i18n';

/** Roles that must have a second factor (SPEC.md "Accounts"); the server decides, this only picks the note to show. */
const ROLES_THAT_MUST_HAVE_ONE: readonly string[] = ['secretariat', 'coordinator'];

interface SecondFactorResetPanelProps {
  user: ManagedUser;
  onReset: (user: ManagedUser) => void;
  onCancel: () => void;
}

/**
 * Asks before turning off someone's second factor (a lost phone, say), and
 * says what follows: the person is logged out everywhere. Focus moves to the
 * heading when it opens, so screen reader users hear whose factor it is.
 */
export function SecondFactorResetPanel({ user, onReset, onCancel }: SecondFactorResetPanelProps) {
  const { t } = useAdminTranslation();
  const text = useMessageText();
  const reset = useResetSecondFactor();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  function confirm(): void {
    if (!reset.isPending) {
      reset.mutate(user, { onSuccess: () => onReset(user) });
    }
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 rounded-12 border border-error-1 bg-white p-5 desktop:p-8">
      <h3 id={headingId} ref={heading} tabIndex={-1} className="text-std-20B-150 text-solid-gray-900 focus:outline-none">
        {t('users.resetHeading', { login: user.login })}
      </h3>
      <p className="text-std-16N-170 text-solid-gray-900">{t('users.resetText', { name: user.display_name, login: user.login })}</p>
      {ROLES_THAT_MUST_HAVE_ONE.includes(user.role) && <p className="text-std-16N-170 text-solid-gray-900">{t('users.resetMandatoryNote')}</p>}
      {reset.isError && (
        <Alert kind="error">
          <p>{text(messageForError(reset.error))}</p>
        </Alert>
      )}
      <div className="flex flex-wrap gap-4">
        <Button busy={reset.isPending} onClick={confirm} className="w-full desktop:w-auto desktop:min-w-[12rem]">
          {reset.isPending ? t('users.resetting') : t('users.resetConfirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel} className="w-full desktop:w-auto">
          {t('users.cancel')}
        </Button>
      </div>
    </section>
  );
}
