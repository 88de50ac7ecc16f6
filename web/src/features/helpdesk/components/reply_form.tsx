import { ThreadMessageForm } from '../../../shared/threads/thread_message_form';
import { useAddInquiryMessage } from '../api/helpdesk_api';
import { helpdeskKey, useHelpdeskTranslation } from '../i18n/helpdesk_i18n';
import { BODY_MAX_LENGTH } from './inquiry_form';

/**
 * The secretariat's answer, or the asker's follow-up (G-MIS 4-2 「追加質問」),
 * with files. The server decides which it is from who sends it.
 */
export function ReplyForm({ inquiryId, asSecretariat }: { inquiryId: string; asSecretariat: boolean }) {
  const { t } = useHelpdeskTranslation();
  const addMessage = useAddInquiryMessage(inquiryId);
  return (
    <ThreadMessageForm
      send={(message) => addMessage.mutateAsync(message)}
      bodyLabel={asSecretariat ? t('reply.answerLabel') : t('reply.followUpLabel')}
      bodyHint={asSecretariat ? t('reply.answerHint') : t('reply.followUpHint')}
      bodyRequiredKey={helpdeskKey('reply.bodyRequired')}
      bodyRows={6}
      bodyMaxLength={BODY_MAX_LENGTH}
      sentMessage={asSecretariat ? t('reply.sentAnswer') : t('reply.sentFollowUp')}
      submitLabel={asSecretariat ? t('reply.submitAnswer') : t('reply.submitFollowUp')}
      submittingLabel={t('reply.submitting')}
    />
  );
}
