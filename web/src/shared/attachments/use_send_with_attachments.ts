import { useTranslation } from 'react-i18next';
import { attachmentSizeErrorToField } from './attachment_errors';
import { readAttachments, type AttachmentInput } from './attachments';

/**
 * What every form with files does on submit: read the chosen files as the
 * API takes them, send them with the rest, and turn the server's 413 (the
 * body as a whole too large) into a message under the attachments field.
 */
export function useSendWithAttachments() {
  const { t } = useTranslation();
  return async function sendWithAttachments<Result>(files: readonly File[], send: (attachments: AttachmentInput[]) => Promise<Result>): Promise<Result> {
    const attachments = await readAttachments(files);
    try {
      return await send(attachments);
    } catch (error) {
      throw attachmentSizeErrorToField(error, t('attachments.totalTooLarge'));
    }
  };
}
