import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { AttachmentField } from '../../../shared/attachments/attachment_field';
import { useSendWithAttachments } from '../../../shared/attachments/use_send_with_attachments';
import { useForm } from '../../../shared/forms/use_form';
import { requiredText } from '../../../shared/forms/schema_parts';
import { roleLabelKey, ROLES } from '../../../shared/reference/roles';
import { CheckboxGroup, RadioGroup } from '../../../shared/ui/choice_group';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { usePublishAnnouncement } from '../api/announcements_api';
import { helpdeskKey, useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

export const TITLE_MAX_LENGTH = 200;
export const ANNOUNCEMENT_BODY_MAX_LENGTH = 8000;

const announcementSchema = z
  .object({
    title: requiredText(helpdeskKey('announcementForm.titleRequired')),
    body: requiredText(helpdeskKey('announcementForm.bodyRequired')),
    audience: z.string(),
    roles: z.array(z.string()),
    attachments: z.array(z.custom<File>()),
  })
  .check(
    z.superRefine((values, context) => {
      if (values.audience === 'roles' && values.roles.length === 0) {
        context.addIssue({ code: 'custom', path: ['roles'], message: helpdeskKey('announcementForm.rolesRequired') });
      }
    }),
  );

/** 「お知らせの掲載」: タイトル, 本文, 対象 (everyone or chosen roles) and files; published at once. */
export function AnnouncementForm() {
  const { t } = useHelpdeskTranslation();
  const { t: tShared } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishAnnouncement();
  const sendWithAttachments = useSendWithAttachments();
  const attachmentsId = useId();
  const form = useForm({
    schema: announcementSchema,
    initialValues: { title: '', body: '', audience: 'all', roles: [] as string[], attachments: [] as File[] },
    onValid: async (values) => {
      const announcement = await sendWithAttachments(values.attachments, (attachments) =>
        publish.mutateAsync({
          title: values.title,
          body: values.body,
          audience: values.audience === 'all' ? 'all' : values.roles,
          attachments,
        }),
      );
      void navigate(`/announcements/${encodeURIComponent(announcement.id)}`, { state: { published: true } });
    },
  });

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <TextField
        label={t('announcementForm.titleLabel')}
        name="title"
        required
        maxLength={TITLE_MAX_LENGTH}
        value={form.values.title}
        onValueChange={(value) => form.setValue('title', value)}
        error={form.fieldError('title')}
      />
      <TextAreaField
        label={t('announcementForm.bodyLabel')}
        name="body"
        required
        rows={10}
        maxLength={ANNOUNCEMENT_BODY_MAX_LENGTH}
        hint={t('announcementForm.bodyHint', { max: ANNOUNCEMENT_BODY_MAX_LENGTH })}
        value={form.values.body}
        onValueChange={(value) => form.setValue('body', value)}
        error={form.fieldError('body')}
      />
      <RadioGroup
        legend={t('announcementForm.audienceLegend')}
        name="audience"
        required
        choices={[
          { value: 'all', label: t('announcementForm.audienceAll') },
          { value: 'roles', label: t('announcementForm.audienceRoles') },
        ]}
        value={form.values.audience}
        onValueChange={(value) => form.setValue('audience', value)}
        error={form.values.audience === 'all' ? form.fieldError('audience') : undefined}
      />
      {form.values.audience === 'roles' && (
        <CheckboxGroup
          legend={t('announcementForm.rolesLegend')}
          name="roles"
          choices={ROLES.map((role) => ({ value: role, label: tShared(roleLabelKey(role)) }))}
          values={form.values.roles}
          onValuesChange={(roles) => form.setValue('roles', roles)}
          error={form.fieldError('roles') ?? form.fieldError('audience')}
        />
      )}
      <AttachmentField
        id={attachmentsId}
        files={form.values.attachments}
        onFilesChange={(files) => form.setValue('attachments', files)}
        error={form.fieldError('attachments')}
      />
      <SubmitButton busy={form.isSubmitting} label={t('announcementForm.submit')} busyLabel={t('announcementForm.submitting')} />
    </form>
  );
}
