import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { AttachmentField } from '../../../shared/attachments/attachment_field';
import { attachmentSizeErrorToField } from '../../../shared/attachments/attachment_errors';
import { readAttachments } from '../../../shared/attachments/attachments';
import { useForm } from '../../../shared/forms/use_form';
import { requiredText } from '../../../shared/forms/schema_parts';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { FormAlert } from '../../../shared/ui/form_alert';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { useAddInquiryMessage } from '../api/helpdesk_api';
import { helpdeskKey, useHelpdeskTranslation } from '../i18n/helpdesk_i18n';
import { BODY_MAX_LENGTH } from './inquiry_form';

const replySchema = z.object({
  body: requiredText(helpdeskKey('reply.bodyRequired')),
  attachments: z.array(z.custom<File>()),
});

/**
 * The secretariat's answer, or the asker's follow-up (G-MIS 4-2 「追加質問」),
 * with files. The server decides which it is from who sends it.
 */
export function ReplyForm({ inquiryId, asSecretariat }: { inquiryId: string; asSecretariat: boolean }) {
  const { t } = useHelpdeskTranslation();
  const { t: tShared } = useTranslation();
  const text = useMessageText();
  const addMessage = useAddInquiryMessage(inquiryId);
  const attachmentsId = useId();
  const [sent, setSent] = useState(false);
  const form = useForm({
    schema: replySchema,
    initialValues: { body: '', attachments: [] as File[] },
    onValid: async (values) => {
      setSent(false);
      const attachments = await readAttachments(values.attachments);
      try {
        await addMessage.mutateAsync({ body: values.body, attachments });
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
          <p>{asSecretariat ? t('reply.sentAnswer') : t('reply.sentFollowUp')}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <TextAreaField
        label={asSecretariat ? t('reply.answerLabel') : t('reply.followUpLabel')}
        name="body"
        required
        rows={6}
        maxLength={BODY_MAX_LENGTH}
        hint={asSecretariat ? t('reply.answerHint') : t('reply.followUpHint')}
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
          {form.isSubmitting ? t('reply.submitting') : asSecretariat ? t('reply.submitAnswer') : t('reply.submitFollowUp')}
        </Button>
      </div>
    </form>
  );
}
