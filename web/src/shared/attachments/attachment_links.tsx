import { useTranslation } from 'react-i18next';
import { formatFileSize } from './attachments';

/** A stored file as the server lists it (help-desk messages, announcements, application messages). */
export interface StoredAttachment {
  id: string;
  filename: string;
  size: number;
  /** Where to fetch it; the server sends it only to those who may read it, always as a download under its own name. */
  url: string;
}

/** Download links of stored files, with their sizes; nothing when there are none. */
export function AttachmentLinks({ attachments }: { attachments: readonly StoredAttachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) {
    return null;
  }
  return (
    <div className="flex flex-col gap-1">
      <p className="text-std-16B-170 text-solid-gray-700">{t('attachments.listHeading')}</p>
      <ul className="flex flex-col gap-1">
        {attachments.map((attachment) => (
          <li key={attachment.id} className="text-std-16N-170">
            <a
              href={attachment.url}
              download={attachment.filename}
              className="break-all text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]"
            >
              {attachment.filename}
            </a>{' '}
            <span className="text-solid-gray-700">{t('attachments.size', { size: formatFileSize(attachment.size) })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
