import { useId, useMemo, useState } from 'react';
import { z } from 'zod/mini';
import { AttachmentField } from '../attachments/attachment_field';
import type { AttachmentInput } from '../attachments/attachments';
import { useSendWithAttachments } from '../attachments/use_send_with_attachments';
import { requiredText } from '../forms/schema_parts';
import { useForm } from '../forms/use_form';
import type { TranslationKey } from '../i18n/message';
import { Alert } from '../ui/alert';
import { FormAlert } from '../ui/form_alert';
import { SubmitButton } from '../ui/submit_button';
import { TextAreaField } from '../ui/text_area_field';

/** A new message of a thread as the API takes it. */
export interface NewThreadMessage {
  body: string;
  attachments: AttachmentInput[];
}

interface ThreadMessageFormProps {
  /** Sends the message; throws ApiError when the server refuses it. */
  send: (message: NewThreadMessage) => Promise<unknown>;
  bodyLabel: string;
  bodyHint?: string;
  /** The translation key said when the text is left empty (a zod message, translated when shown). */
  bodyRequiredKey: TranslationKey;
  bodyRows: number;
  bodyMaxLength: number;
  /** Said once the message has gone, until the user writes again. */
  sentMessage: string;
  submitLabel: string;
  submittingLabel: string;
}

/**
 * Writes one message of a thread (an application's messages, a help-desk
 * answer or follow-up): the text and files. The thread's own wording comes
 * in as props; after sending, the form is emptied and says the message went.
 */
export function ThreadMessageForm({
  send,
  bodyLabel,
  bodyHint,
  bodyRequiredKey,
  bodyRows,
  bodyMaxLength,
  sentMessage,
  submitLabel,
  submittingLabel,
}: ThreadMessageFormProps) {
  const sendWithAttachments = useSendWithAttachments();
  const attachmentsId = useId();
  const [sent, setSent] = useState(false);
  const schema = useMemo(
    () => z.object({ body: requiredText(bodyRequiredKey), attachments: z.array(z.custom<File>()) }),
    [bodyRequiredKey],
  );
  const form = useForm({
    schema,
    initialValues: { body: '', attachments: [] as File[] },
    onValid: async (values) => {
      setSent(false);
      await sendWithAttachments(values.attachments, (attachments) => send({ body: values.body, attachments }));
      form.reset();
      setSent(true);
    },
  });

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      {sent && (
        <Alert kind="success">
          <p>{sentMessage}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <TextAreaField
        label={bodyLabel}
        name="body"
        required
        rows={bodyRows}
        maxLength={bodyMaxLength}
        hint={bodyHint}
        value={form.values.body}
        onValueChange={(value) => {
          setSent(false);
          form.setValue('body', value);
        }}
        error={form.fieldError('body')}
      />
      <AttachmentField
        id={attachmentsId}
        files={form.values.attachments}
        onFilesChange={(files) => form.setValue('attachments', files)}
        error={form.fieldError('attachments')}
      />
      <SubmitButton busy={form.isSubmitting} label={submitLabel} busyLabel={submittingLabel} />
    </form>
  );
}
