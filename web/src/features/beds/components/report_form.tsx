import { useMemo, useState } from 'react';
import { z } from 'zod/mini';
import { ApiError } from '../../../shared/api/api_error';
import { orderedFieldErrors } from '../../../shared/forms/form_errors';
import { useForm } from '../../../shared/forms/use_form';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { RadioGroup } from '../../../shared/ui/choice_group';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { ACCEPTANCE_STATUSES, type BedReference, type BedReport, useSubmitBedReport } from '../api/beds_api';
import { bedsKey, useBedsTranslation } from '../i18n/beds_i18n';
import {
  acceptanceFieldName,
  initialReportValues,
  isEmptyWardRow,
  NOTE_FIELD,
  remapWardErrorKeys,
  reportFieldOrder,
  reportInputFromValues,
  WARD_COUNT_FIELDS,
  wardFieldName,
  wardIssues,
  type ReportFormValues,
} from '../report_form_values';
import { useBedLabels } from '../use_bed_labels';

const NOTE_MAX_LENGTH = 1000;

/** The id of an input, for the error summary's links (ward fields hold dots, which ids may, but selectors dislike). */
export function reportFieldId(field: string): string {
  return `bed-report-${field.replace(/\./g, '-')}`;
}

function reportSchema(wardTypes: readonly string[]) {
  return z.record(z.string(), z.string()).check(
    z.superRefine((values, context) => {
      const issues = wardIssues(values, wardTypes);
      for (const { field, issue } of issues) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: issue === 'required' ? bedsKey('report.errors.countRequired') : bedsKey('report.errors.countNotInteger'),
        });
      }
      // Nothing to report: the message goes to the first number, where the user starts.
      const first = wardTypes[0];
      if (first !== undefined && wardTypes.every((type) => isEmptyWardRow(values, type))) {
        context.addIssue({ code: 'custom', path: [wardFieldName(first, 'permitted')], message: bedsKey('report.errors.noWards') });
      }
    }),
  );
}

/**
 * 「病床状況の報告」: one row per ward type (許可病床数・確保病床数・空床数),
 * acceptance per patient category and a note. A row left empty is not sent.
 * The server checks that the numbers fit together and names the ward in its
 * message, which lands under the input it is about.
 */
export function ReportForm({ reference, latest }: { reference: BedReference; latest: BedReport | null }) {
  const { t, language } = useBedsTranslation();
  const labels = useBedLabels();
  const submitReport = useSubmitBedReport();
  const [saved, setSaved] = useState<BedReport | null>(null);
  const wardTypes = useMemo(() => reference.ward_types.map((w) => w.code), [reference]);
  const categories = useMemo(() => reference.patient_categories.map((c) => c.code), [reference]);
  const schema = useMemo(() => reportSchema(wardTypes), [wardTypes]);
  const form = useForm<ReportFormValues, typeof schema>({
    schema,
    initialValues: initialReportValues(wardTypes, categories, latest),
    onValid: async (values) => {
      setSaved(null);
      const { input, sentWardTypes } = reportInputFromValues(values, wardTypes, categories);
      try {
        setSaved(await submitReport.mutateAsync(input));
      } catch (error) {
        // The server counts rows in the list it received; the form counts ward types.
        if (error instanceof ApiError) {
          throw new ApiError({
            status: error.status,
            code: error.code,
            message: error.message,
            fields: remapWardErrorKeys(error.fields, sentWardTypes),
            hasServerMessage: error.hasServerMessage,
          });
        }
        throw error;
      }
    },
  });
  const fieldLinks = orderedFieldErrors(form.errors, reportFieldOrder(wardTypes, categories)).map(({ field, message }) => ({
    targetId: reportFieldId(field),
    message,
  }));

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-8">
      {saved !== null && (
        <Alert kind="success">
          <p>{t('report.saved', { time: formatDateTime(saved.reported_at, language) })}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} fieldLinks={fieldLinks} alertRef={form.alertRef} />

      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="mb-2 text-std-22B-150 text-solid-gray-900">{t('report.wardsLegend')}</legend>
        <p className="text-std-16N-170 text-solid-gray-800">{t('report.wardsHint')}</p>
        <div className="flex flex-col gap-4">
          {reference.ward_types.map((ward) => {
            const name = labels.wardType(ward.code, ward.name);
            return (
              <fieldset key={ward.code} className="min-w-0 rounded-8 border border-solid-gray-420 px-4 pb-4 pt-2">
                <legend className="px-1 text-std-18B-160 text-solid-gray-900">{name}</legend>
                <div className="grid grid-cols-1 gap-4 desktop:grid-cols-3">
                  {WARD_COUNT_FIELDS.map((field) => {
                    const fieldName = wardFieldName(ward.code, field);
                    return (
                      <TextField
                        key={field}
                        id={reportFieldId(fieldName)}
                        label={t(`columns.${field}`)}
                        aria-label={t('report.countLabel', { ward: name, column: t(`columns.${field}`) })}
                        name={fieldName}
                        inputMode="numeric"
                        autoComplete="off"
                        maxLength={6}
                        value={form.values[fieldName] ?? ''}
                        onValueChange={(value) => form.setValue(fieldName, value)}
                        error={form.fieldError(fieldName)}
                      />
                    );
                  })}
                </div>
              </fieldset>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="mb-2 text-std-22B-150 text-solid-gray-900">{t('report.acceptanceLegend')}</legend>
        <p className="text-std-16N-170 text-solid-gray-800">{t('report.acceptanceHint')}</p>
        <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
          {reference.patient_categories.map((category) => {
            const fieldName = acceptanceFieldName(category.code);
            return (
              <RadioGroup
                key={category.code}
                id={reportFieldId(fieldName)}
                legend={labels.patientCategory(category.code, category.name)}
                name={fieldName}
                layout="flex flex-wrap gap-x-6"
                choices={ACCEPTANCE_STATUSES.map((status) => ({
                  value: status,
                  label: labels.status(status, reference.statuses.find((s) => s.code === status)?.name),
                }))}
                value={form.values[fieldName] ?? ''}
                onValueChange={(value) => form.setValue(fieldName, value)}
                error={form.fieldError(fieldName)}
              />
            );
          })}
        </div>
      </fieldset>

      <TextAreaField
        id={reportFieldId(NOTE_FIELD)}
        label={t('columns.note')}
        name={NOTE_FIELD}
        hint={t('report.noteHint', { max: NOTE_MAX_LENGTH })}
        maxLength={NOTE_MAX_LENGTH}
        rows={4}
        value={form.values[NOTE_FIELD] ?? ''}
        onValueChange={(value) => form.setValue(NOTE_FIELD, value)}
        error={form.fieldError(NOTE_FIELD)}
      />

      <SubmitButton busy={form.isSubmitting} label={t('report.submit')} busyLabel={t('report.submitting')} />
    </form>
  );
}
