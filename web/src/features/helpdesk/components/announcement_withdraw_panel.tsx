import { useEffect, useId, useRef, useState } from 'react';
import { formErrorsFromApi } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { useWithdrawAnnouncement, type Announcement } from '../api/announcements_api';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

export const WITHDRAW_REASON_MAX_LENGTH = 500;

interface AnnouncementWithdrawPanelProps {
  announcement: Announcement;
  onWithdrawn: () => void;
  onCancel: () => void;
}

/**
 * Asks before taking an announcement down for good: its readers no longer see
 * it, and it cannot be published again. The reason (optional) goes into the
 * history. Focus moves to the heading when it opens; the server's refusal is
 * shown here, next to the button that was pressed.
 */
export function AnnouncementWithdrawPanel({ announcement, onWithdrawn, onCancel }: AnnouncementWithdrawPanelProps) {
  const { t } = useHelpdeskTranslation();
  const text = useMessageText();
  const withdraw = useWithdrawAnnouncement(announcement.id);
  const [reason, setReason] = useState('');
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  function confirm(): void {
    if (!withdraw.isPending) {
      // mutateAsync: the page re-renders as withdrawn before this resolves, and must still hear of it.
      withdraw.mutateAsync(reason.trim()).then(onWithdrawn, () => {
        // shown from withdraw.error below
      });
    }
  }

  const errors = withdraw.isError ? formErrorsFromApi(withdraw.error, ['reason']) : null;
  const reasonError = errors?.fields.reason;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 rounded-12 border border-error-1 bg-white p-5 desktop:p-8">
      <h2 id={headingId} ref={heading} tabIndex={-1} className="text-std-20B-150 text-solid-gray-900 focus:outline-none">
        {t('announcementWithdraw.heading')}
      </h2>
      <p className="text-std-16N-170 text-solid-gray-900">{t('announcementWithdraw.text')}</p>
      {errors !== null && errors.summary.length > 0 && (
        <Alert kind="error">
          {errors.summary.map((message, index) => (
            <p key={index}>{text(message)}</p>
          ))}
        </Alert>
      )}
      <TextAreaField
        label={t('announcementWithdraw.reasonLabel')}
        name="reason"
        rows={3}
        maxLength={WITHDRAW_REASON_MAX_LENGTH}
        hint={t('announcementWithdraw.reasonHint', { max: WITHDRAW_REASON_MAX_LENGTH })}
        value={reason}
        onValueChange={setReason}
        error={reasonError !== undefined ? text(reasonError) : undefined}
      />
      <div className="flex flex-wrap gap-4">
        <Button busy={withdraw.isPending} onClick={confirm} className="w-full desktop:w-auto desktop:min-w-[12rem]">
          {withdraw.isPending ? t('announcementWithdraw.withdrawing') : t('announcementWithdraw.confirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel} className="w-full desktop:w-auto">
          {t('announcementWithdraw.cancel')}
        </Button>
      </div>
    </section>
  );
}
