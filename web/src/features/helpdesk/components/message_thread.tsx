import { ThreadMessage } from '../../../shared/threads/thread_message';
import type { InquiryMessage } from '../api/helpdesk_api';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

/**
 * The conversation, oldest first: who wrote (the secretariat's answers are
 * marked as such), when, the text with its line breaks, and the files.
 */
export function MessageThread({ messages }: { messages: readonly InquiryMessage[] }) {
  const { t } = useHelpdeskTranslation();
  return (
    <ol className="flex flex-col gap-4">
      {messages.map((message, index) => {
        const kind = message.from_secretariat ? t('thread.answer') : index === 0 ? t('thread.question') : t('thread.followUp');
        return (
          <ThreadMessage
            key={message.id}
            message={message}
            highlighted={message.from_secretariat}
            heading={
              <>
                <span>{kind}</span>
                <span className="text-std-16N-170 text-solid-gray-800">{message.author_name}</span>
              </>
            }
          />
        );
      })}
    </ol>
  );
}
