import { useEffect, useId, useRef } from 'react';
import { formErrorsFromApi } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { useChangeUserStatus, type ManagedUser, type SettableUserStatus } from '../api/users_api';
import { useAdminTranslation, type AdminKey } from '../i18n/admin_i18n';

/** The wording of each of the two changes. */
const TEXTS: Record<SettableUserStatus, { heading: AdminKey; text: AdminKey; confirm: AdminKey; busy: AdminKey; border: string }> = {
  disabled: {
    heading: 'users.stopHeading',
    text: 'users.stopText',
    confirm: 'users.stopConfirm',
    busy: 'users.stopping',
    border: 'border-error-1',
  },
  active: {
    heading: 'users.resumeHeading',
    text: 'users.resumeText',
    confirm: 'users.resumeConfirm',
    busy: 'users.resuming',
    border: 'border-blue-900',
  },
};

interface UserStatusPanelProps {
  user: ManagedUser;
  /** `disabled` stops the user, `active` lets them back in. */
  status: SettableUserStatus;
  onChanged: (user: ManagedUser, status: SettableUserStatus) => void;
  onCancel: () => void;
}

/**
 * Asks before stopping a user (who is logged out at once and cannot log in
 * any more) or letting a stopped one back in. Focus moves to the heading when
 * it opens, so screen reader users hear whose account it is; the server's
 * refusal (its own account, a user still waiting for the e-mail check) is
 * shown here, next to the button that was pressed.
 */
export function UserStatusPanel({ user, status, onChanged, onCancel }: UserStatusPanelProps) {
  const { t } = useAdminTranslation();
  const text = useMessageText();
  const change = useChangeUserStatus();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const texts = TEXTS[status];

  useEffect(() => {
    heading.current?.focus();
  }, []);

  function confirm(): void {
    if (!change.isPending) {
      change.mutate({ user, status }, { onSuccess: () => onChanged(user, status) });
    }
  }

  // The server's message, and the reason under `fields.status` when it says more (a 400 `validation_failed`).
  const errors = change.isError ? formErrorsFromApi(change.error, []).summary : [];

  return (
    <section
      aria-labelledby={headingId}
      className={`flex flex-col gap-4 rounded-12 border bg-white p-5 desktop:p-8 ${texts.border}`}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1} className="text-std-20B-150 text-solid-gray-900 focus:outline-none">
        {t(texts.heading, { login: user.login })}
      </h3>
      <p className="text-std-16N-170 text-solid-gray-900">{t(texts.text)}</p>
      {errors.length > 0 && (
        <Alert kind="error">
          {errors.map((message, index) => (
            <p key={index}>{text(message)}</p>
          ))}
        </Alert>
      )}
      <div className="flex flex-wrap gap-4">
        <Button busy={change.isPending} onClick={confirm} className="w-full desktop:w-auto desktop:min-w-[12rem]">
          {change.isPending ? t(texts.busy) : t(texts.confirm)}
        </Button>
        <Button variant="secondary" onClick={onCancel} className="w-full desktop:w-auto">
          {t('users.cancel')}
        </Button>
      </div>
    </section>
  );
}
