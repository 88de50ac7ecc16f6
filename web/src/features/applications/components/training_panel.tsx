import { useId } from 'react';
import { z } from 'zod/mini';
import { useForm } from '../../../shared/forms/use_form';
import { formatDate } from '../../../shared/text/format_date';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { FormAlert } from '../../../shared/ui/form_alert';
import { TextField } from '../../../shared/ui/text_field';
import { useRecordTraining, type TrainingItem } from '../api/applications_api';
import { applicationsKey, useApplicationsTranslation } from '../i18n/applications_i18n';

/**
 * The training every hire must complete (感染管理（講義）, 感染管理（実技）,
 * 医療安全（講義）). Open items are highlighted and counted; the facility
 * records each with its hours and date.
 */
export function TrainingPanel({ applicationId, training, canRecord, onDone }: {
  applicationId: string;
  training: readonly TrainingItem[];
  canRecord: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useApplicationsTranslation();
  const open = training.filter((item) => !item.done).length;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170 text-solid-gray-800">{t('training.lead')}</p>
      <p className="text-std-17B-170 text-solid-gray-900">{open === 0 ? t('training.allDone') : t('training.openCount', { count: open })}</p>
      <ul className="flex flex-col gap-4">
        {training.map((item) => (
          <li key={item.item}>
            <TrainingRow applicationId={applicationId} item={item} canRecord={canRecord} onDone={onDone} />
          </li>
        ))}
      </ul>
    </div>
  );
}

const trainingSchema = z
  .object({ hours: z.string(), completed_on: z.string() })
  .check(
    z.superRefine((values, context) => {
      const hours = values.hours.normalize('NFKC').trim();
      if (hours !== '' && !(/^\d{1,2}$/.test(hours) && Number(hours) <= 24)) {
        context.addIssue({ code: 'custom', path: ['hours'], message: applicationsKey('training.hoursInvalid'), input: values });
      }
      if (values.completed_on === '') {
        context.addIssue({ code: 'custom', path: ['completed_on'], message: applicationsKey('training.completedOnRequired'), input: values });
      }
    }),
  );

function TrainingRow({ applicationId, item, canRecord, onDone }: {
  applicationId: string;
  item: TrainingItem;
  canRecord: boolean;
  onDone: (message: string) => void;
}) {
  const { t, language } = useApplicationsTranslation();
  const record = useRecordTraining(applicationId);
  const headingId = useId();
  const form = useForm({
    schema: trainingSchema,
    initialValues: { hours: '', completed_on: '' },
    onValid: async (values) => {
      const hours = values.hours.normalize('NFKC').trim();
      await record.mutateAsync({
        item: item.item,
        input: hours === '' ? { completed_on: values.completed_on } : { hours: Number(hours), completed_on: values.completed_on },
      });
      onDone(t('training.recorded', { name: item.name }));
    },
  });

  return (
    <section
      aria-labelledby={headingId}
      data-training-item={item.item}
      data-training-done={item.done ? 'true' : 'false'}
      className={`flex flex-col gap-3 rounded-8 border p-4 desktop:p-5 ${
        item.done ? 'border-solid-gray-420 bg-white' : 'border-l-8 border-yellow-700 bg-yellow-50'
      }`}
    >
      <h3 id={headingId} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-std-17B-170 text-solid-gray-900">
        <span>{item.name}</span>
        {item.done ? <Badge kind="success">{t('training.done')}</Badge> : <Badge kind="urgent">{t('training.open')}</Badge>}
      </h3>
      {item.done && (
        <p className="flex flex-wrap gap-x-4 text-std-16N-170 text-solid-gray-900">
          {item.completed_on !== null && <span>{t('training.completedOnValue', { date: formatDate(item.completed_on, language) })}</span>}
          {item.hours !== null && <span>{t('training.hoursValue', { count: item.hours })}</span>}
        </p>
      )}
      {!item.done && canRecord && (
        <form
          ref={form.formRef}
          noValidate
          onSubmit={(event) => void form.handleSubmit(event)}
          aria-label={t('training.recordLegend', { name: item.name })}
          className="flex flex-col gap-4"
        >
          <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
          <div className="grid grid-cols-1 gap-4 desktop:grid-cols-2">
            <TextField
              label={t('training.hoursLabel')}
              name="hours"
              inputMode="numeric"
              value={form.values.hours}
              onValueChange={(value) => form.setValue('hours', value)}
              error={form.fieldError('hours')}
            />
            <TextField
              label={t('training.completedOnLabel')}
              name="completed_on"
              type="date"
              required
              value={form.values.completed_on}
              onValueChange={(value) => form.setValue('completed_on', value)}
              error={form.fieldError('completed_on')}
            />
          </div>
          <div>
            <Button type="submit" variant="secondary" busy={form.isSubmitting} className="w-full desktop:w-auto">
              {t('training.record')}
              <span className="sr-only">{t('training.recordFor', { name: item.name })}</span>
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
