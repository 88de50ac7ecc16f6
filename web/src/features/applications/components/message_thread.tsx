import { useEffect, useRef, useState } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { ThreadMessage } from '../../../shared/threads/thread_message';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { useMarkMessagesRead, useMessages, type ApplicationMessage } from '../api/applications_api';
import { useApplicationsTranslation } from '../i18n/applications_i18n';
import { MessageForm } from './message_form';

const SIDES = ['seeker', 'facility', 'coordinator', 'secretariat'] as const;

/**
 * The application's thread, oldest first, and the form to write. Opening it
 * marks it read (the unread marks stay on screen until the next visit, so the
 * reader sees what was new); a message that arrives while it is open is
 * fetched at once (the page listens to the live events) and announced.
 */
export function MessageThread({ applicationId }: { applicationId: string }) {
  const { t } = useApplicationsTranslation();
  const text = useMessageText();
  const messages = useMessages(applicationId);
  const markRead = useMarkMessagesRead(applicationId);
  const { mutate: markAsRead } = markRead;
  const items = messages.data?.items;
  const [announcement, setAnnouncement] = useState('');
  const seenCount = useRef<number | null>(null);

  useEffect(() => {
    if (items === undefined) {
      return;
    }
    if (items.some((message) => message.unread)) {
      markAsRead();
    }
    // A message from someone else that arrived while the page was open.
    const newest = items.at(-1);
    if (seenCount.current !== null && items.length > seenCount.current && newest !== undefined && !newest.mine) {
      setAnnouncement(t('messages.newArrived'));
    }
    seenCount.current = items.length;
  }, [items, markAsRead, t]);

  return (
    <div className="flex flex-col gap-6">
      <p className="text-std-16N-170 text-solid-gray-800">{t('messages.lead')}</p>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {messages.isPending && <LoadingIndicator />}
      {messages.isError && (
        <Alert kind="error">
          <p>{text(messageForError(messages.error))}</p>
        </Alert>
      )}
      {items !== undefined && items.length === 0 && <p className="text-std-16N-170">{t('messages.empty')}</p>}
      {items !== undefined && items.length > 0 && (
        <ol className="flex flex-col gap-4" aria-label={t('messages.heading')}>
          {items.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ol>
      )}
      <section aria-labelledby={`message-form-${applicationId}`} className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-6">
        <h3 id={`message-form-${applicationId}`} className="text-std-20B-150 text-solid-gray-900">
          {t('messages.formHeading')}
        </h3>
        <MessageForm applicationId={applicationId} />
      </section>
    </div>
  );
}

function MessageItem({ message }: { message: ApplicationMessage }) {
  const { t } = useApplicationsTranslation();
  const side = (SIDES as readonly string[]).includes(message.side) ? t(`messages.sides.${message.side as (typeof SIDES)[number]}`) : message.side;
  return (
    <ThreadMessage
      message={message}
      highlighted={message.mine}
      heading={
        <>
          <span className="break-all">{message.author}</span>
          <span className="text-std-16N-170 text-solid-gray-800">{message.mine ? t('messages.mine') : side}</span>
          {message.unread && <Badge kind="info">{t('messages.unread')}</Badge>}
        </>
      }
    />
  );
}
