import { ThreadMessageForm } from '../../../shared/threads/thread_message_form';
import { usePostMessage } from '../api/applications_api';
import { applicationsKey, useApplicationsTranslation } from '../i18n/applications_i18n';

export const MESSAGE_MAX_LENGTH = 4000;

/** A message with files to the other parties of the application. */
export function MessageForm({ applicationId }: { applicationId: string }) {
  const { t } = useApplicationsTranslation();
  const postMessage = usePostMessage(applicationId);
  return (
    <ThreadMessageForm
      send={(message) => postMessage.mutateAsync(message)}
      bodyLabel={t('messages.bodyLabel')}
      bodyRequiredKey={applicationsKey('messages.bodyRequired')}
      bodyRows={5}
      bodyMaxLength={MESSAGE_MAX_LENGTH}
      sentMessage={t('messages.sent')}
      submitLabel={t('messages.send')}
      submittingLabel={t('messages.sending')}
    />
  );
}
