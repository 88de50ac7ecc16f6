import { AttachmentLinks } from '../../../shared/attachments/attachment_links';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { FreeText } from '../../../shared/ui/free_text';
import type { InquiryMessage } from '../api/helpdesk_api';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

/**
 * The conversation, oldest first: who wrote (the secretariat's answers are
 * marked as such), when, the text with its line breaks, and the files.
 */
export function MessageThread({ messages }: { messages: readonly InquiryMessage[] }) {
  const { t, language } = useHelpdeskTranslation();
  return (
    <ol className="flex flex-col gap-4">
      {messages.map((message, index) => {
        const kind = message.from_secretariat ? t('thread.answer') : index === 0 ? t('thread.question') : t('thread.followUp');
        return (
          <li
            key={message.id}
            className={`flex flex-col gap-3 rounded-8 border p-4 desktop:p-5 ${
              message.from_secretariat ? 'border-blue-900 bg-blue-50 desktop:ml-12' : 'border-solid-gray-420 bg-white desktop:mr-12'
            }`}
          >
            <h3 className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-std-17B-170 text-solid-gray-900">
              <span>{kind}</span>
              <span className="text-std-16N-170 text-solid-gray-800">{message.author_name}</span>
            </h3>
            <p className="text-dns-14N-130 text-solid-gray-700">
              <time dateTime={message.created_at}>{formatDateTime(message.created_at, language)}</time>
            </p>
            <div className="text-std-16N-170 text-solid-gray-900">
              <FreeText text={message.body} />
            </div>
            <AttachmentLinks attachments={message.attachments} />
          </li>
        );
      })}
    </ol>
  );
}
