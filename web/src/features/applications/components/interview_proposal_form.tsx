import { useId } from 'react';
import { useForm } from '../../../shared/forms/use_form';
import { Button } from '../../../shared/ui/button';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { FieldError, FieldHint, INPUT_CLASSES } from '../../../shared/ui/field_parts';
import { FormAlert } from '../../../shared/ui/form_alert';
import { TextField } from '../../../shared/ui/text_field';
import { useProposeInterview } from '../api/applications_api';
import { useApplicationsTranslation } from '../i18n/applications_i18n';
import { EMPTY_INTERVIEW_FORM, interviewProposalFromForm, interviewSchema } from '../interview_form_values';
import { MAX_DURATION_MINUTES, MAX_SLOTS, MIN_DURATION_MINUTES } from '../interview_slots';

/**
 * 1–5 candidate times (datetime-local inputs, read as Japan time), the
 * length, and online or a place. Proposing again replaces an open proposal
 * or a scheduled interview; the server says so in its own words if it refuses.
 */
export function InterviewProposalForm({ applicationId, onDone }: { applicationId: string; onDone: (message: string) => void }) {
  const { t, language } = useApplicationsTranslation();
  const propose = useProposeInterview(applicationId);
  const baseId = useId();
  const slotsId = `${baseId}-slots`;
  const form = useForm({
    schema: interviewSchema,
    initialValues: EMPTY_INTERVIEW_FORM,
    onValid: async (values) => {
      await propose.mutateAsync(interviewProposalFromForm(values));
      form.reset();
      onDone(t('interviews.proposed'));
    },
  });
  const slotsError = form.fieldError('slots');
  const slots = form.values.slots;

  function setSlot(index: number, value: string): void {
    form.setValue(
      'slots',
      slots.map((slot, i) => (i === index ? value : slot)),
    );
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      <p className="text-std-16N-170 text-solid-gray-800">{t('interviews.proposeLead')}</p>
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <fieldset
        aria-describedby={[`${slotsId}-hint`, slotsError !== undefined ? `${slotsId}-error` : null].filter(Boolean).join(' ')}
        className="flex min-w-0 flex-col gap-3"
      >
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('interviews.slots')}</legend>
        <FieldHint id={`${slotsId}-hint`} hint={t('interviews.slotsHint')} />
        {slots.map((slot, index) => {
          const inputId = index === 0 ? slotsId : `${slotsId}-${index}`;
          return (
            <div key={index} className="flex flex-col gap-2 desktop:flex-row desktop:items-end">
              <div className="flex min-w-0 flex-1 flex-col gap-2">
                <label htmlFor={inputId} className="text-std-16B-170 text-solid-gray-900">
                  {t('interviews.slotLabel', { number: index + 1 })}
                </label>
                <input
                  id={inputId}
                  type="datetime-local"
                  lang={language}
                  name={`slots.${index}`}
                  value={slot}
                  step={60}
                  onChange={(event) => setSlot(index, event.target.value)}
                  aria-invalid={slotsError !== undefined ? true : undefined}
                  className={INPUT_CLASSES}
                />
              </div>
              {slots.length > 1 && (
                <Button
                  variant="text"
                  className="min-h-11 self-start px-2 desktop:self-auto"
                  onClick={() =>
                    form.setValue(
                      'slots',
                      slots.filter((_, i) => i !== index),
                    )
                  }
                >
                  {t('interviews.removeSlot', { number: index + 1 })}
                </Button>
              )}
            </div>
          );
        })}
        {slotsError !== undefined && <FieldError id={`${slotsId}-error`} error={slotsError} />}
        {slots.length < MAX_SLOTS && (
          <div>
            <Button variant="secondary" onClick={() => form.setValue('slots', [...slots, ''])}>
              {t('interviews.addSlot')}
            </Button>
          </div>
        )}
      </fieldset>
      <TextField
        label={t('interviews.durationLabel')}
        name="duration_minutes"
        inputMode="numeric"
        hint={t('interviews.durationHint')}
        min={MIN_DURATION_MINUTES}
        max={MAX_DURATION_MINUTES}
        required
        value={form.values.duration_minutes}
        onValueChange={(value) => form.setValue('duration_minutes', value)}
        error={form.fieldError('duration_minutes')}
        className={`${INPUT_CLASSES} desktop:max-w-[12rem]`}
      />
      <CheckboxField
        label={t('interviews.onlineLabel')}
        name="online"
        checked={form.values.online}
        onCheckedChange={(checked) => form.setValue('online', checked)}
        error={form.fieldError('online')}
      />
      {!form.values.online && (
        <TextField
          label={t('interviews.placeLabel')}
          name="place"
          required
          maxLength={200}
          hint={t('interviews.placeHint')}
          value={form.values.place}
          onValueChange={(value) => form.setValue('place', value)}
          error={form.fieldError('place')}
        />
      )}
      <div>
        <Button type="submit" busy={form.isSubmitting} className="w-full desktop:w-auto">
          {form.isSubmitting ? t('interviews.submitting') : t('interviews.submit')}
        </Button>
      </div>
    </form>
  );
}
