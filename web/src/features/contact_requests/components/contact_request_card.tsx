import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText, type Message } from '../../../shared/i18n/message';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { useAnswerContactRequest, type ContactRequestAnswer, type SeekerContactRequest } from '../api/contact_requests_api';
import { useContactRequestsTranslation } from '../i18n/contact_requests_i18n';

/**
 * One facility's contact request to the seeker: the anonymous outline (one
 * fact a line), the posting's public page and the answer. Both answers are
 * final, so each button first opens a confirmation that says what follows:
 * accepting hands it to a coordinator, declining tells the facility only
 * that one request was declined. Once accepted, the card links to the
 * application the coordinator brokers.
 */
export function ContactRequestCard({ request }: { request: SeekerContactRequest }) {
  const { t, language } = useContactRequestsTranslation();
  const text = useMessageText();
  const answer = useAnswerContactRequest(request.id);
  const [confirming, setConfirming] = useState<ContactRequestAnswer | null>(null);
  const [done, setDone] = useState<ContactRequestAnswer | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const panelId = useId();
  const confirmTitleId = useId();

  useEffect(() => {
    if (done !== null) {
      noticeRef.current?.focus();
    }
  }, [done]);

  async function confirm(action: ContactRequestAnswer): Promise<void> {
    if (answer.isPending) {
      return;
    }
    setError(null);
    try {
      await answer.mutateAsync(action);
      setConfirming(null);
      setDone(action);
    } catch (caught) {
      setError(messageForError(caught));
    }
  }

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-std-20B-150 text-solid-gray-900">
          {t('card.heading')}
        </h3>
        <span data-contact-request-state={request.state}>
          <Badge kind={request.state === 'sent' ? 'info' : request.state === 'accepted' ? 'success' : 'muted'}>{request.state_name}</Badge>
        </span>
      </div>
      <p className="text-std-16N-170 text-solid-gray-700">
        {t('card.sentAt', { time: formatDateTime(request.sent_at, language) })}
        {request.answered_at !== null && (
          <>
            <br />
            {t('card.answeredAt', { time: formatDateTime(request.answered_at, language) })}
          </>
        )}
      </p>
      <dl className="flex flex-col gap-2 text-std-16N-170">
        <dt className="font-700 text-solid-gray-700">{t('card.postingLabel')}</dt>
        <dd>
          <Link to={`/postings/${encodeURIComponent(request.posting.id)}`} className={`${TEXT_LINK_CLASSES} break-words`}>
            {request.posting.title}
          </Link>
        </dd>
        <dt className="font-700 text-solid-gray-700">{t('card.summaryLabel')}</dt>
        {/* The server writes one fact a line; the lines are kept, the text is never markup. */}
        <dd className="whitespace-pre-line break-words text-solid-gray-900" data-contact-request-summary>
          {request.summary}
        </dd>
      </dl>
      {done !== null && (
        <Alert kind="success" ref={noticeRef}>
          <p>{done === 'accept' ? t('answer.accepted') : t('answer.declined')}</p>
        </Alert>
      )}
      {error !== null && (
        <Alert kind="error">
          <p>{text(error)}</p>
        </Alert>
      )}
      {request.state === 'accepted' && request.application_id !== null && (
        <p className="text-std-16N-170">
          <Link to={`/applications/${encodeURIComponent(request.application_id)}`} className={TEXT_LINK_CLASSES}>
            {t('card.applicationLink')}
            <span className="sr-only">{t('card.applicationLinkFor', { title: request.posting.title })}</span>
          </Link>
        </p>
      )}
      {request.state === 'sent' && (
        <>
          <div className="flex flex-col gap-3 desktop:flex-row">
            {(['accept', 'decline'] as const).map((action) => (
              <Button
                key={action}
                variant={action === 'accept' ? 'primary' : 'secondary'}
                aria-expanded={confirming === action}
                aria-controls={panelId}
                onClick={() => setConfirming(action)}
              >
                {action === 'accept' ? t('answer.accept') : t('answer.decline')}
              </Button>
            ))}
          </div>
          <div id={panelId} hidden={confirming === null}>
            {confirming !== null && (
              <section aria-labelledby={confirmTitleId} className="flex flex-col gap-3 rounded-8 border-2 border-blue-900 bg-blue-50 p-4 desktop:p-6">
                <h4 id={confirmTitleId} className="text-std-18B-160 text-solid-gray-900">
                  {confirming === 'accept' ? t('answer.acceptTitle') : t('answer.declineTitle')}
                </h4>
                <p className="text-std-16N-170 text-solid-gray-900">{confirming === 'accept' ? t('answer.acceptText') : t('answer.declineText')}</p>
                <div className="flex flex-col gap-3 desktop:flex-row">
                  <Button busy={answer.isPending} onClick={() => void confirm(confirming)}>
                    {confirming === 'accept' ? t('answer.acceptConfirm') : t('answer.declineConfirm')}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(null)}>
                    {t('answer.cancel')}
                  </Button>
                </div>
              </section>
            )}
          </div>
        </>
      )}
    </article>
  );
}
