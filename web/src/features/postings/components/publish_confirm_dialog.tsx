import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/ui/alert';
import { ConfirmDialog } from '../../../shared/ui/confirm_dialog';
import type { NoticePreview } from '../api/postings_api';

interface PublishConfirmDialogProps {
  /** The preview of the posting about to be published; null while no question is open. */
  preview: NoticePreview | null;
  title: string;
  busy: boolean;
  /** Why the publishing failed (the server's message, e.g. the fields still missing). */
  error?: string | null;
  /** What not publishing means here: 「やめる」 in the list, 「公開せずに下書きのままにする」 after a draft was saved. */
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Before 公開: how many seekers will be told and how (mail at once, the daily
 * digest, the app only), a note for an urgent posting (everyone is mailed at
 * once), and the choice to publish or not.
 */
export function PublishConfirmDialog({ preview, title, busy, error = null, cancelLabel, onConfirm, onCancel }: PublishConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={preview !== null}
      title={t('publishConfirm.heading', { title })}
      confirmLabel={busy ? t('postingForm.publishing') : t('publishConfirm.confirm')}
      cancelLabel={cancelLabel}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {preview !== null && (
        <>
          <p data-notice-preview>
            {preview.seekers === 0
              ? t('publishConfirm.nobody')
              : t('publishConfirm.summary', {
                  seekers: preview.seekers,
                  mailNow: preview.mail_now,
                  digest: preview.daily_digest,
                  appOnly: preview.in_app_only,
                })}
          </p>
          {preview.urgent && preview.seekers > 0 && <p className="text-std-16B-170">{t('publishConfirm.urgentNote')}</p>}
          <p>{t('publishConfirm.searchNote')}</p>
          {error !== null && (
            <Alert kind="error">
              <p>{error}</p>
            </Alert>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
