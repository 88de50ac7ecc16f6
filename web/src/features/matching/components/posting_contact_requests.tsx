import { Link } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { usePostingContactRequests, type PostingContactRequest } from '../api/matching_api';
import { useMatchingTranslation } from '../i18n/matching_i18n';

/**
 * The states of the contact requests sent for a posting: those the seeker
 * accepted (調整中 / 成立 / 終了) under the candidate's handle, the others only
 * as counts (「回答待ち N件」「辞退 N件」): the server sends them without
 * handle, id or time, so the facility cannot tell who declined, not even by
 * elimination. A matched one links to its application, where the seeker is
 * now named.
 */
export function PostingContactRequests({ postingId }: { postingId: string }) {
  const { t, language } = useMatchingTranslation();
  const text = useMessageText();
  const requests = usePostingContactRequests(postingId);
  const data = requests.data;
  const listed = (data?.items ?? []).filter(
    (item): item is PostingContactRequest & { handle: string; sent_at: string } => item.handle !== undefined && item.sent_at !== undefined,
  );

  return (
    <section aria-labelledby="posting-contact-requests-heading" className="flex flex-col gap-4">
      <h2 id="posting-contact-requests-heading" className="text-std-24B-150 text-solid-gray-900">
        {t('candidates.requests.heading')}
      </h2>
      {requests.isPending && <LoadingIndicator />}
      {requests.isError && (
        <Alert kind="error">
          <p>{text(messageForError(requests.error))}</p>
        </Alert>
      )}
      {data !== undefined &&
        (data.total === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-800">{t('candidates.requests.empty')}</p>
        ) : (
          <>
            {listed.length > 0 && (
              <ul className="flex flex-col gap-2">
                {listed.map((item) => (
                  <li key={item.id ?? item.handle} className="flex flex-col gap-1 rounded-8 border border-solid-gray-420 bg-white p-4 desktop:flex-row desktop:flex-wrap desktop:items-center desktop:gap-x-4">
                    <span className="text-std-16B-170 text-solid-gray-900">{item.handle}</span>
                    <span data-request-state={item.state}>
                      <Badge kind={item.state === 'matched' ? 'success' : item.state === 'closed' ? 'muted' : 'info'}>{item.state_name}</Badge>
                    </span>
                    <span className="text-std-16N-170 text-solid-gray-700">{t('candidates.requests.sentAt', { time: formatDateTime(item.sent_at, language) })}</span>
                    {item.application_id !== undefined && (
                      <Link to={`/applications/${encodeURIComponent(item.application_id)}`} className={TEXT_LINK_CLASSES}>
                        {t('candidates.requests.openApplication')}
                        <span className="sr-only">{t('candidates.requests.openApplicationFor', { handle: item.handle })}</span>
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {data.awaiting > 0 && (
              <p className="text-std-16B-170 text-solid-gray-900" data-awaiting-count>
                {t('candidates.requests.awaiting', { count: data.awaiting })}
              </p>
            )}
            {data.declined > 0 && (
              <div className="flex flex-col gap-1">
                <p className="text-std-16B-170 text-solid-gray-900" data-declined-count>
                  {t('candidates.requests.declined', { count: data.declined })}
                </p>
                <p className="text-std-16N-170 text-solid-gray-700">{t('candidates.requests.declinedNote')}</p>
              </div>
            )}
          </>
        ))}
    </section>
  );
}
