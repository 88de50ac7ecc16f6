import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { AttachmentField } from '../../../shared/attachments/attachment_field';
import { attachmentSizeErrorToField } from '../../../shared/attachments/attachment_errors';
import { readAttachments } from '../../../shared/attachments/attachments';
import { requiredText } from '../../../shared/forms/schema_parts';
import { useForm } from '../../../shared/forms/use_form';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { FormAlert } from '../../../shared/ui/form_alert';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { usePostMessage } from '../api/applications_api';
import { applicationsKey, useApplicationsTranslation } from '../i18n/applications_i18n';

export const MESSAGE_MAX_LENGTH = 4000;

const messageSchema = z.object({
  body: requiredText(applicationsKey('messages.bodyRequired')),
  attachments: z.array(z.custom<File>()),
});

/** A message with files to the other parties of the application. */
export function MessageForm({ applicationId }: { applicationId: string }) {
  const { t } = useApplicationsTranslation();
  const { t: tShared } = useTranslation();
  const text = useMessageText();
  const postMessage = usePostMessage(applicationId);
  const attachmentsId = useId();
  const [sent, setSent] = useState(false);
  const form = useForm({
    schema: messageSchema,
    initialValues: { body: '', attachments: [] as File[] },
    onValid: async (values) => {
      setSent(false);
      const attachments = await readAttachments(values.attachments);
      try {
        await postMessage.mutateAsync({ body: values.body, attachments });
      } catch (error) {
        throw attachmentSizeErrorToField(error, tShared('attachments.totalTooLarge'));
      }
      form.reset();
      setSent(true);
    },
  });
  const fieldError = (name: keyof typeof form.values) => {
    const message = form.errors.fields[name];
    return message === undefined ? undefined : text(message);
  };

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      {sent && (
        <Alert kind="success">
          <p>{t('messages.sent')}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <TextAreaField
        label={t('messages.bodyLabel')}
        name="body"
        required
        rows={5}
        maxLength={MESSAGE_MAX_LENGTH}
        value={form.values.body}
        onValueChange={(value) => {
          setSent(false);
          form.setValue('body', value);
        }}
        error={fieldError('body')}
      />
      <AttachmentField
        id={attachmentsId}
        files={form.values.attachments}
        onFilesChange={(files) => form.setValue('attachments', files)}
        error={fieldError('attachments')}
      />
      <div>
        <Button type="submit" busy={form.isSubmitting} className="w-full desktop:w-auto desktop:min-w-[12rem]">
          {form.isSubmitting ? t('messages.sending') : t('messages.send')}
        </Button>
      </div>
    </form>
  );
}
