import { useId } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { AttachmentField } from '../../../shared/attachments/attachment_field';
import { useSendWithAttachments } from '../../../shared/attachments/use_send_with_attachments';
import { useForm } from '../../../shared/forms/use_form';
import { requiredText } from '../../../shared/forms/schema_parts';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { INQUIRY_CATEGORIES, useCreateInquiry } from '../api/helpdesk_api';
import { helpdeskKey, useHelpdeskTranslation } from '../i18n/helpdesk_i18n';
import { useInquiryCategoryLabel } from '../use_inquiry_category_label';

export const SUBJECT_MAX_LENGTH = 100;
export const BODY_MAX_LENGTH = 4000;

const inquirySchema = z.object({
  subject: requiredText(helpdeskKey('inquiryForm.subjectRequired')),
  category: z.string(),
  body: requiredText(helpdeskKey('inquiryForm.bodyRequired')),
  attachments: z.array(z.custom<File>()),
});

/** 「新規お問合せ」: *件名, *内容, カテゴリ and files; on success the new inquiry's page opens. */
export function InquiryForm() {
  const { t } = useHelpdeskTranslation();
  const navigate = useNavigate();
  const createInquiry = useCreateInquiry();
  const sendWithAttachments = useSendWithAttachments();
  const categoryLabel = useInquiryCategoryLabel();
  const attachmentsId = useId();
  const form = useForm({
    schema: inquirySchema,
    initialValues: { subject: '', category: '', body: '', attachments: [] as File[] },
    onValid: async (values) => {
      const inquiry = await sendWithAttachments(values.attachments, (attachments) =>
        createInquiry.mutateAsync({
          subject: values.subject,
          body: values.body,
          ...(values.category !== '' ? { category: values.category } : {}),
          attachments,
        }),
      );
      void navigate(`/helpdesk/${encodeURIComponent(inquiry.id)}`, { state: { created: true } });
    },
  });

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <TextField
        label={t('inquiryForm.subjectLabel')}
        name="subject"
        required
        maxLength={SUBJECT_MAX_LENGTH}
        hint={t('inquiryForm.subjectHint', { max: SUBJECT_MAX_LENGTH })}
        value={form.values.subject}
        onValueChange={(value) => form.setValue('subject', value)}
        error={form.fieldError('subject')}
      />
      <SelectField
        label={t('inquiryForm.categoryLabel')}
        name="category"
        value={form.values.category}
        options={INQUIRY_CATEGORIES.map((code) => ({ value: code, label: categoryLabel(code) }))}
        onValueChange={(value) => form.setValue('category', value)}
        error={form.fieldError('category')}
      />
      <TextAreaField
        label={t('inquiryForm.bodyLabel')}
        name="body"
        required
        rows={8}
        maxLength={BODY_MAX_LENGTH}
        hint={t('inquiryForm.bodyHint', { max: BODY_MAX_LENGTH })}
        value={form.values.body}
        onValueChange={(value) => form.setValue('body', value)}
        error={form.fieldError('body')}
      />
      <AttachmentField
        id={attachmentsId}
        files={form.values.attachments}
        onFilesChange={(files) => form.setValue('attachments', files)}
        error={form.fieldError('attachments')}
      />
      <p className="text-std-16N-170 text-solid-gray-800">{t('inquiryForm.mailNotice')}</p>
      <SubmitButton busy={form.isSubmitting} label={t('inquiryForm.submit')} busyLabel={t('inquiryForm.submitting')} />
    </form>
  );
}
