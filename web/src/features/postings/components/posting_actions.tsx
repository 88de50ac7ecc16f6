import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import type { Posting } from '../../../shared/postings/posting';
import { Button, buttonClassName } from '../../../shared/ui/button';
import { RadioGroup } from '../../../shared/ui/choice_group';
import { FieldError } from '../../../shared/ui/field_parts';
import { fetchNoticePreview, useUpdatePosting, type NoticePreview, type PostingChange } from '../api/postings_api';
import { PublishConfirmDialog } from './publish_confirm_dialog';

type CloseReason = 'filled' | 'withdrawn';

/**
 * The quick actions of one posting in the management list: publish, pause,
 * (after showing who will be told, and asking), close (asking why: 充足 or
 * 取下げ), edit, and the link to its anonymous
 * candidates. Which ones appear follows the allowed status changes; a closed
 * posting is final and offers none.
 * Each button's name ends with the posting's title (read by screen readers
 * only), so a list of 「公開する」 buttons can be told apart.
 */
export function PostingActions({ posting, onDone }: { posting: Posting; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const text = useMessageText();
  const update = useUpdatePosting();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState<string>('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const panelId = useId();
  // A draft may still lack its title: it is named as such rather than left blank.
  const title = posting.title === '' ? t('facilityPostings.untitled') : posting.title;
  const forTitle = <span className="sr-only">{t('facilityPostings.actionFor', { title })}</span>;

  function change(change: PostingChange, doneKey: 'published' | 'paused' | 'closed'): void {
    if (update.isPending) {
      return;
    }
    update.mutate(
      { id: posting.id, change },
      {
        onSuccess: () => {
          setClosing(false);
          setPreview(null);
          onDone(t(`facilityPostings.done.${doneKey}`, { title }));
        },
      },
    );
  }

  /** 公開する: first who will be told, then the question (the dialog below). */
  function askToPublish(): void {
    if (previewing || update.isPending) {
      return;
    }
    setPreviewing(true);
    setPreviewError(null);
    update.reset();
    fetchNoticePreview(posting.id)
      .then(setPreview, setPreviewError)
      .finally(() => setPreviewing(false));
  }

  function confirmClose(): void {
    if (reason !== 'filled' && reason !== 'withdrawn') {
      setReasonError(t('facilityPostings.closeReasonRequired'));
      return;
    }
    setReasonError(undefined);
    change({ status: 'closed', close_reason: reason as CloseReason }, 'closed');
  }

  if (posting.status === 'closed') {
    return <span className="text-solid-gray-700">{t('facilityPostings.closedNoActions')}</span>;
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {(posting.status === 'draft' || posting.status === 'paused') && (
          <Button variant="secondary" className="min-h-11 px-3" busy={previewing || update.isPending} onClick={askToPublish}>
            {t('facilityPostings.publish')}
            {forTitle}
          </Button>
        )}
        {posting.status === 'published' && (
          <Button variant="secondary" className="min-h-11 px-3" busy={update.isPending} onClick={() => change({ status: 'paused' }, 'paused')}>
            {t('facilityPostings.pause')}
            {forTitle}
          </Button>
        )}
        <Button
          variant="secondary"
          className="min-h-11 px-3"
          aria-expanded={closing}
          aria-controls={panelId}
          onClick={() => setClosing((open) => !open)}
        >
          {t('facilityPostings.close')}
          {forTitle}
        </Button>
        <Link to={`/facility/postings/${encodeURIComponent(posting.id)}/edit`} className={buttonClassName('text', 'min-h-11 px-3')}>
          {t('facilityPostings.edit')}
          {forTitle}
        </Link>
        <Link to={`/facility/postings/${encodeURIComponent(posting.id)}/matches`} className={buttonClassName('text', 'min-h-11 px-3')}>
          {t('facilityPostings.candidates')}
          {forTitle}
        </Link>
        <Link to={`/applications?posting_id=${encodeURIComponent(posting.id)}`} className={buttonClassName('text', 'min-h-11 px-3')}>
          {t('facilityPostings.applications')}
          {forTitle}
        </Link>
      </div>
      <div id={panelId} className={closing ? 'flex flex-col gap-3 rounded-8 border border-solid-gray-600 bg-white p-4' : 'hidden'}>
        {closing && (
          <>
            <RadioGroup
              legend={t('facilityPostings.closeReasonLegend', { title })}
              name={`close-reason-${panelId}`}
              layout="flex flex-col"
              choices={[
                { value: 'filled', label: t('codes.closeReason.filled') },
                { value: 'withdrawn', label: t('codes.closeReason.withdrawn') },
              ]}
              value={reason}
              onValueChange={setReason}
              error={reasonError}
            />
            <div className="flex flex-wrap gap-2">
              <Button className="min-h-11 px-3" busy={update.isPending} onClick={confirmClose}>
                {t('facilityPostings.confirmClose')}
              </Button>
              <Button variant="text" className="min-h-11 px-3" onClick={() => setClosing(false)}>
                {t('facilityPostings.cancel')}
              </Button>
            </div>
          </>
        )}
      </div>
      {update.isError && preview === null && <FieldError id={`${panelId}-error`} error={text(messageForError(update.error))} />}
      {previewError !== null && <FieldError id={`${panelId}-preview-error`} error={text(messageForError(previewError))} />}
      <PublishConfirmDialog
        preview={preview}
        title={title}
        busy={update.isPending}
        error={update.isError ? text(messageForError(update.error)) : null}
        cancelLabel={t('facilityPostings.cancel')}
        onConfirm={() => change({ status: 'published' }, 'published')}
        onCancel={() => {
          setPreview(null);
          update.reset();
        }}
      />
    </div>
  );
}
