import type { MessageAttachment } from '../api/applications_api';
import { formatFileSize } from '../../../shared/attachments/attachments';
import { useApplicationsTranslation } from '../i18n/applications_i18n';

/** Download links of a message's files; the server sends each only to the thread's parties, always as a download. */
export function AttachmentLinks({ attachments }: { attachments: readonly MessageAttachment[] }) {
  const { t } = useApplicationsTranslation();
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
