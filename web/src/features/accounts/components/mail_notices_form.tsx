import { useState } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { Alert } from '../../../shared/ui/alert';
import { RadioGroup } from '../../../shared/ui/choice_group';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { useSetMailNotices, type MailNotices } from '../api/mail_notices_api';
import { useAccountsTranslation } from '../i18n/accounts_i18n';

const CHOICES: readonly MailNotices[] = ['immediate', 'daily', 'off'];

/**
 * 「メールでの通知」for staff: every notice is in the app at once; by mail
 * at once, once a day in a digest, or not at all. (Seekers choose in their
 * 希望条件 instead.)
 */
export function MailNoticesForm({ user }: { user: SessionUser & { mail_notices: MailNotices } }) {
  const { t } = useAccountsTranslation();
  const text = useMessageText();
  const save = useSetMailNotices();
  const [value, setValue] = useState<MailNotices>(user.mail_notices);
  const [saved, setSaved] = useState(false);

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate(value, { onSuccess: () => setSaved(true) });
      }}
    >
      {save.isError && (
        <Alert kind="error">
          <p>{text(messageForError(save.error))}</p>
        </Alert>
      )}
      {saved && (
        <Alert kind="success">
          <p>{t('mailNotices.saved', { choice: t(`mailNotices.choices.${value}`) })}</p>
        </Alert>
      )}
      <RadioGroup
        legend={t('mailNotices.legend')}
        name="mail_notices"
        hint={t('mailNotices.hint')}
        choices={CHOICES.map((choice) => ({ value: choice, label: t(`mailNotices.choices.${choice}`) }))}
        value={value}
        onValueChange={(next) => {
          setSaved(false);
          setValue(next as MailNotices);
        }}
      />
      <SubmitButton busy={save.isPending} label={t('mailNotices.submit')} busyLabel={t('mailNotices.submitting')} />
    </form>
  );
}
