import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentLinks, type StoredAttachment } from '../attachments/attachment_links';
import { formatDateTime } from '../text/format_date';
import { FreeText } from '../ui/free_text';

/** What every thread's message has, whoever wrote it (help-desk inquiries, application messages). */
export interface ThreadMessageContent {
  created_at: string;
  body: string;
  attachments: readonly StoredAttachment[];
}

interface ThreadMessageProps {
  message: ThreadMessageContent;
  /** Who wrote it; the thread decides what to say (「事務局からの回答」, the author and their side …). */
  heading: ReactNode;
  /**
   * Set apart in blue and moved to the right on wide screens: the viewer's
   * own messages, or the secretariat's answers on the help desk.
   */
  highlighted: boolean;
}

/** One message of a thread, an item of its <ol>: who, when, the text with its line breaks, and the files. */
export function ThreadMessage({ message, heading, highlighted }: ThreadMessageProps) {
  const { i18n } = useTranslation();
  return (
    <li
      className={`flex flex-col gap-3 rounded-8 border p-4 desktop:p-5 ${
        highlighted ? 'border-blue-900 bg-blue-50 desktop:ml-12' : 'border-solid-gray-420 bg-white desktop:mr-12'
      }`}
    >
      <h3 className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-std-17B-170 text-solid-gray-900">{heading}</h3>
      <p className="text-dns-14N-130 text-solid-gray-700">
        <time dateTime={message.created_at}>{formatDateTime(message.created_at, i18n.language)}</time>
      </p>
      <div className="text-std-16N-170 text-solid-gray-900">
        <FreeText text={message.body} />
      </div>
      <AttachmentLinks attachments={message.attachments} />
    </li>
  );
}
