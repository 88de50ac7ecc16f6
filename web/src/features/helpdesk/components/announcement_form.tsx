import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod/mini';
import { AttachmentField } from '../../../shared/attachments/attachment_field';
import { AttachmentLinks } from '../../../shared/attachments/attachment_links';
import { useSendWithAttachments } from '../../../shared/attachments/use_send_with_attachments';
import { useForm } from '../../../shared/forms/use_form';
import { requiredText } from '../../../shared/forms/schema_parts';
import { roleLabelKey, ROLES } from '../../../shared/reference/roles';
import { CheckboxGroup, RadioGroup } from '../../../shared/ui/choice_group';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { usePublishAnnouncement, useUpdateAnnouncement, type Announcement } from '../api/announcements_api';
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

/**
 * 「お知らせの掲載」: タイトル, 本文, 対象 (everyone or chosen roles) and files; published at once.
 * With `announcement`, its correction (「お知らせの編集」): the same fields but the files, which stay.
 */
export function AnnouncementForm({ announcement }: { announcement?: Announcement }) {
  const { t } = useHelpdeskTranslation();
  const { t: tShared } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishAnnouncement();
  const update = useUpdateAnnouncement(announcement?.id ?? '');
  const sendWithAttachments = useSendWithAttachments();
  const attachmentsId = useId();
  const editing = announcement !== undefined;
  const forRoles = editing && announcement.audience !== 'all' && announcement.audience !== '';
  const form = useForm({
    schema: announcementSchema,
    initialValues: {
      title: announcement?.title ?? '',
      body: announcement?.body ?? '',
      audience: forRoles ? 'roles' : 'all',
      roles: forRoles ? announcement.audience.split(',') : ([] as string[]),
      attachments: [] as File[],
    },
    onValid: async (values) => {
      const audience = values.audience === 'all' ? 'all' : values.roles;
      if (editing) {
        const saved = await update.mutateAsync({ title: values.title, body: values.body, audience });
        void navigate(`/announcements/${encodeURIComponent(saved.id)}`, { state: { saved: true } });
        return;
      }
      const published = await sendWithAttachments(values.attachments, (attachments) =>
        publish.mutateAsync({ title: values.title, body: values.body, audience, attachments }),
      );
      void navigate(`/announcements/${encodeURIComponent(published.id)}`, { state: { published: true } });
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
      {editing ? (
        <div className="flex flex-col gap-2">
          <AttachmentLinks attachments={announcement.attachments} />
          <p className="text-std-16N-170 text-solid-gray-800">{t('announcementForm.filesStay')}</p>
        </div>
      ) : (
        <AttachmentField
          id={attachmentsId}
          files={form.values.attachments}
          onFilesChange={(files) => form.setValue('attachments', files)}
          error={form.fieldError('attachments')}
        />
      )}
      <SubmitButton
        busy={form.isSubmitting}
        label={editing ? t('announcementForm.save') : t('announcementForm.submit')}
        busyLabel={editing ? t('announcementForm.saving') : t('announcementForm.submitting')}
      />
    </form>
  );
}
