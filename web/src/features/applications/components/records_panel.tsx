import { z } from 'zod/mini';
import { messageForError } from '../../../shared/forms/form_errors';
import { useForm } from '../../../shared/forms/use_form';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { RadioGroup } from '../../../shared/ui/choice_group';
import { INPUT_CLASSES } from '../../../shared/ui/field_parts';
import { FormAlert } from '../../../shared/ui/form_alert';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { RECORD_KINDS, useAddRecord, useRecords, type CoordinationRecord } from '../api/applications_api';
import { applicationsKey, useApplicationsTranslation } from '../i18n/applications_i18n';

type RecordKind = (typeof RECORD_KINDS)[number];

function isRecordKind(value: string): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value);
}

/**
 * Coordination records (SPEC.md rule 5): only the handling organisation's
 * coordinators and the secretariat read them, which the server tells with
 * `can_see_records`. A coordinator of the region whose organisation does not
 * handle the case yet sees no records, only the form: the first record makes
 * their organisation the handling one (the server refuses it when another
 * organisation already handles the case, and its message is shown).
 */
export function RecordsPanel({ applicationId, canSeeRecords, onDone }: { applicationId: string; canSeeRecords: boolean; onDone: (message: string) => void }) {
  const { t } = useApplicationsTranslation();
  const text = useMessageText();
  const records = useRecords(applicationId, canSeeRecords);
  return (
    <div className="flex flex-col gap-6">
      <p className="text-std-16N-170 text-solid-gray-800">{canSeeRecords ? t('records.lead') : t('records.noHandler')}</p>
      {canSeeRecords && records.isPending && <LoadingIndicator />}
      {canSeeRecords && records.isError && (
        <Alert kind="error">
          <p>{text(messageForError(records.error))}</p>
        </Alert>
      )}
      {canSeeRecords && records.data !== undefined && (
        records.data.items.length === 0 ? (
          <p className="text-std-16N-170">{t('records.empty')}</p>
        ) : (
          <ol className="flex flex-col gap-3" aria-label={t('records.heading')}>
            {records.data.items.map((record) => (
              <RecordItem key={record.id} record={record} />
            ))}
          </ol>
        )
      )}
      <section aria-labelledby={`record-form-${applicationId}`} className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-6">
        <h3 id={`record-form-${applicationId}`} className="text-std-20B-150 text-solid-gray-900">
          {t('records.formHeading')}
        </h3>
        <RecordForm applicationId={applicationId} onDone={onDone} />
      </section>
    </div>
  );
}

function RecordItem({ record }: { record: CoordinationRecord }) {
  const { t, language } = useApplicationsTranslation();
  return (
    <li className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4">
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-std-16N-170">
        <span className="font-700 text-solid-gray-900">{isRecordKind(record.kind) ? t(`records.kinds.${record.kind}`) : record.kind}</span>
        <span className="text-solid-gray-800">{record.author}</span>
        <time dateTime={record.created_at} className="text-solid-gray-700">
          {formatDateTime(record.created_at, language)}
        </time>
      </p>
      <div className="text-std-16N-170 text-solid-gray-900">
        <FreeText text={record.body} />
      </div>
      {record.follow_up_on !== null && (
        <p className="text-std-16B-170 text-solid-gray-900">{t('records.followUp', { date: formatDate(record.follow_up_on, language) })}</p>
      )}
    </li>
  );
}

const recordSchema = z.object({
  kind: z.string().check(z.refine((value) => isRecordKind(value), applicationsKey('records.kindRequired'))),
  body: z.string().check(z.trim(), z.minLength(1, applicationsKey('records.bodyRequired'))),
  follow_up_on: z.string(),
});

function RecordForm({ applicationId, onDone }: { applicationId: string; onDone: (message: string) => void }) {
  const { t } = useApplicationsTranslation();
  const add = useAddRecord(applicationId);
  const form = useForm({
    schema: recordSchema,
    initialValues: { kind: 'call', body: '', follow_up_on: '' },
    onValid: async (values) => {
      await add.mutateAsync(values.follow_up_on === '' ? { kind: values.kind, body: values.body } : values);
      form.reset();
      onDone(t('records.added'));
    },
  });
  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <RadioGroup
        legend={t('records.kindLegend')}
        name={`record-kind-${applicationId}`}
        required
        layout="flex flex-col gap-1 desktop:flex-row desktop:gap-6"
        choices={RECORD_KINDS.map((kind) => ({ value: kind, label: t(`records.kinds.${kind}`) }))}
        value={form.values.kind}
        onValueChange={(value) => form.setValue('kind', value)}
        error={form.fieldError('kind')}
      />
      <TextAreaField
        label={t('records.bodyLabel')}
        name="body"
        required
        rows={4}
        maxLength={4000}
        value={form.values.body}
        onValueChange={(value) => form.setValue('body', value)}
        error={form.fieldError('body')}
      />
      <TextField
        label={t('records.followUpLabel')}
        name="follow_up_on"
        type="date"
        hint={t('records.followUpHint')}
        value={form.values.follow_up_on}
        onValueChange={(value) => form.setValue('follow_up_on', value)}
        error={form.fieldError('follow_up_on')}
        className={`${INPUT_CLASSES} desktop:max-w-[16rem]`}
      />
      <div>
        <Button type="submit" busy={form.isSubmitting} className="w-full desktop:w-auto">
          {form.isSubmitting ? t('records.adding') : t('records.add')}
        </Button>
      </div>
    </form>
  );
}
