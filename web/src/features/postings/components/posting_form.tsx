import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { orderedFieldErrors } from '../../../shared/forms/form_errors';
import { useForm } from '../../../shared/forms/use_form';
import { groupSpecialties, localisedName, useCategories, useMunicipalities, useSpecialties } from '../../../shared/reference/reference_api';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { EMPLOYMENT_TYPES, URGENCIES, WEEKDAYS } from '../../../shared/reference/work_codes';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { CheckboxGroup, RadioGroup } from '../../../shared/ui/choice_group';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SelectField } from '../../../shared/ui/select_field';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import type { PostingInput } from '../api/postings_api';
import {
  POSTING_FORM_FIELDS,
  postingFieldId,
  postingInputFromForm,
  type PostingFormField,
  type PostingFormValues,
} from '../posting_form_values';
import { postingSchema } from '../validation/posting_schema';
import { derivedAreaOf, WorkplaceFields } from './workplace_fields';

/** What the form asks its page to do: create (as a draft or published) or save an edit. */
export type PostingSubmit = (input: PostingInput, status: 'draft' | 'published' | null) => Promise<void>;

interface PostingFormProps {
  mode: 'create' | 'edit';
  initialValues: PostingFormValues;
  onSubmit: PostingSubmit;
  /** Shown above the form after a successful save (edit mode). */
  savedMessage?: string | null;
  /** Edit mode: the posting is public (published or paused), so every required field must stay filled. */
  requireComplete?: boolean;
}

/**
 * The posting form of SPEC.md "Postings", the G-MIS form made better:
 * required fields are marked 「※必須」, every error names its field and
 * appears both under the input and, as a link to it, in the summary at the
 * top; what was typed is never lost when the server refuses it.
 */
export function PostingForm({ mode, initialValues, onSubmit, savedMessage = null, requireComplete = false }: PostingFormProps) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const categories = useCategories();
  const specialties = useSpecialties();
  const status = useRef<'draft' | 'published' | null>(null);
  const [submitted, setSubmitted] = useState<'draft' | 'published' | null>(null);
  // A draft saves with whatever is filled; 公開する (or saving a public posting) needs every required field.
  const mustBeComplete = useRef<() => boolean>(() => false);
  mustBeComplete.current = () => (mode === 'create' ? status.current === 'published' : requireComplete);
  const schema = useMemo(() => postingSchema(() => mustBeComplete.current()), []);
  const form = useForm({
    schema,
    initialValues,
    onValid: async (values) => {
      const derivedArea = derivedAreaOf(municipalities.data, values['workplace.municipality']);
      await onSubmit(postingInputFromForm(values, mode, derivedArea), mode === 'create' ? status.current : null);
    },
  });
  const municipalities = useMunicipalities(form.values['workplace.prefecture']);
  const savedAlert = useRef<HTMLDivElement>(null);

  // The confirmation of a save is where the user should continue: focus moves there (and scrolls it into view).
  useEffect(() => {
    if (savedMessage !== null) {
      savedAlert.current?.focus();
    }
  }, [savedMessage]);
  const values = form.values;

  const field = (name: PostingFormField) => ({ id: postingFieldId(name), name, error: form.fieldError(name) });
  const fieldLinks = orderedFieldErrors(form.errors, POSTING_FORM_FIELDS).map(({ field: name, message }) => ({
    targetId: postingFieldId(name),
    message,
  }));

  const specialtyGroups = groupSpecialties(specialties.data ?? []).map((group) => ({
    label: group.basic,
    options: [group.basic, ...group.subspecialties].map((name) => ({ value: name, label: name })),
  }));
  const periodRequired = values.employment !== '' && values.employment !== 'permanent';

  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={(event) => {
        setSubmitted(status.current);
        void form.handleSubmit(event);
      }}
      className="flex flex-col gap-10"
    >
      <p className="text-std-16N-170 text-solid-gray-800">{t('postingForm.requiredNote')}</p>
      {savedMessage !== null && form.errors.summary.length === 0 && (
        <Alert kind="success" ref={savedAlert}>
          <p>{savedMessage}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} fieldLinks={fieldLinks} alertRef={form.alertRef} />

      <FormSection id="posting-section-basics" heading={t('postingForm.basicsHeading')}>
        <TextField
          {...field('title')}
          label={t('postingForm.titleLabel')}
          required
          maxLength={100}
          hint={t('postingForm.titleHint')}
          value={values.title}
          onValueChange={(value) => form.setValue('title', value)}
        />
        <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
          <SelectField
            {...field('category')}
            label={t('postingForm.categoryLabel')}
            required
            value={values.category}
            options={(categories.data ?? []).map((category) => ({ value: category.code, label: localisedName(category, i18n.language) }))}
            onValueChange={(value) => form.setValue('category', value)}
          />
          <SelectField
            {...field('specialty')}
            label={t('postingForm.specialtyLabel')}
            required={values.category === 'doctor'}
            hint={t('postingForm.specialtyHint')}
            value={values.specialty}
            options={[]}
            groups={specialtyGroups}
            onValueChange={(value) => form.setValue('specialty', value)}
          />
        </div>
        <RadioGroup
          {...field('employment')}
          legend={t('postingForm.employmentLabel')}
          required
          layout="grid grid-cols-1 gap-x-6 desktop:grid-cols-3"
          choices={EMPLOYMENT_TYPES.map((code) => ({ value: code, label: labels.employment(code) }))}
          value={values.employment}
          onValueChange={(value) => form.setValue('employment', value)}
        />
        <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
          <RadioGroup
            {...field('urgency')}
            legend={t('postingForm.urgencyLabel')}
            required
            hint={t('postingForm.urgencyHint')}
            layout="grid grid-cols-1 gap-x-6 desktop:grid-cols-2"
            choices={URGENCIES.map((code) => ({ value: code, label: labels.urgency(code) }))}
            value={values.urgency}
            onValueChange={(value) => form.setValue('urgency', value)}
          />
          <TextField
            {...field('positions')}
            label={t('postingForm.positionsLabel')}
            required
            inputMode="numeric"
            hint={t('postingForm.positionsHint')}
            value={values.positions}
            onValueChange={(value) => form.setValue('positions', value)}
          />
        </div>
      </FormSection>

      <FormSection id="posting-section-period" heading={t('postingForm.periodHeading')}>
        <div className="grid grid-cols-1 gap-6 desktop:grid-cols-3">
          <TextField
            {...field('start_date')}
            label={t('postingForm.startDateLabel')}
            type="date"
            required
            value={values.start_date}
            onValueChange={(value) => form.setValue('start_date', value)}
          />
          <TextField
            {...field('end_date')}
            label={t('postingForm.endDateLabel')}
            type="date"
            required={periodRequired}
            hint={t('postingForm.periodHint')}
            value={values.end_date}
            onValueChange={(value) => form.setValue('end_date', value)}
          />
          <TextField
            {...field('period_months')}
            label={t('postingForm.periodMonthsLabel')}
            inputMode="numeric"
            required={periodRequired}
            hint={t('postingForm.periodMonthsHint')}
            value={values.period_months}
            onValueChange={(value) => form.setValue('period_months', value)}
          />
        </div>
        <CheckboxGroup
          {...field('weekdays')}
          legend={t('postingForm.weekdaysLabel')}
          layout="grid grid-cols-4 gap-x-4 desktop:grid-cols-7"
          choices={WEEKDAYS.map((code) => ({ value: code, label: labels.weekday(code) }))}
          values={values.weekdays}
          onValuesChange={(next) => form.setValue('weekdays', next)}
        />
        <TextField
          {...field('hours')}
          label={t('postingForm.hoursLabel')}
          maxLength={200}
          hint={t('postingForm.hoursHint')}
          value={values.hours}
          onValueChange={(value) => form.setValue('hours', value)}
        />
        <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
          <RadioGroup
            {...field('full_time')}
            legend={t('postingForm.workPatternLabel')}
            layout="grid grid-cols-2 gap-x-6"
            choices={[
              { value: 'true', label: t('postingDetail.fullTime') },
              { value: 'false', label: t('postingDetail.partTime') },
            ]}
            value={values.full_time}
            onValueChange={(value) => form.setValue('full_time', value)}
          />
          <RadioGroup
            {...field('night_duty')}
            legend={t('postingForm.nightDutyLabel')}
            layout="grid grid-cols-2 gap-x-6"
            choices={[
              { value: 'true', label: t('postingDetail.nightDutyYes') },
              { value: 'false', label: t('postingDetail.nightDutyNo') },
            ]}
            value={values.night_duty}
            onValueChange={(value) => form.setValue('night_duty', value)}
          />
        </div>
      </FormSection>

      <FormSection id="posting-section-details" heading={t('postingForm.detailsHeading')}>
        <TextAreaField
          {...field('duties')}
          label={t('postingForm.dutiesLabel')}
          required
          maxLength={4000}
          rows={6}
          value={values.duties}
          onValueChange={(value) => form.setValue('duties', value)}
        />
        <TextAreaField
          {...field('requirements')}
          label={t('postingForm.requirementsLabel')}
          maxLength={2000}
          hint={t('postingForm.requirementsHint')}
          value={values.requirements}
          onValueChange={(value) => form.setValue('requirements', value)}
        />
        <TextAreaField
          {...field('pay')}
          label={t('postingForm.payLabel')}
          maxLength={1000}
          rows={3}
          value={values.pay}
          onValueChange={(value) => form.setValue('pay', value)}
        />
        <TextAreaField
          {...field('benefits')}
          label={t('postingForm.benefitsLabel')}
          maxLength={2000}
          rows={3}
          value={values.benefits}
          onValueChange={(value) => form.setValue('benefits', value)}
        />
        <CheckboxField
          {...field('training_agreed')}
          label={t('postingForm.trainingLabel')}
          required
          hint={t('postingForm.trainingHint')}
          checked={values.training_agreed}
          onCheckedChange={(checked) => form.setValue('training_agreed', checked)}
        />
      </FormSection>

      <FormSection id="posting-section-workplace" heading={t('postingForm.workplaceHeading')}>
        <WorkplaceFields values={values} update={(changes) => form.updateValues(changes)} fieldError={form.fieldError} />
      </FormSection>

      <FormSection id="posting-section-contact" heading={t('postingForm.contactHeading')}>
        <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
          <TextField
            {...field('contact.name')}
            label={t('postingForm.contactNameLabel')}
            required
            maxLength={100}
            value={values['contact.name']}
            onValueChange={(value) => form.setValue('contact.name', value)}
          />
          <TextField
            {...field('contact.location')}
            label={t('postingForm.contactLocationLabel')}
            maxLength={200}
            value={values['contact.location']}
            onValueChange={(value) => form.setValue('contact.location', value)}
          />
          <TextField
            {...field('contact.phone')}
            label={t('postingForm.phoneLabel')}
            type="tel"
            autoComplete="tel"
            required
            hint={t('postingForm.phoneHint')}
            value={values['contact.phone']}
            onValueChange={(value) => form.setValue('contact.phone', value)}
          />
          <TextField
            {...field('contact.email')}
            label={t('postingForm.emailLabel')}
            type="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values['contact.email']}
            onValueChange={(value) => form.setValue('contact.email', value)}
          />
        </div>
      </FormSection>

      <FormSection id="posting-section-publishing" heading={t('postingForm.publishingHeading')}>
        <CheckboxField
          {...field('masked')}
          label={t('postingForm.maskedLabel')}
          hint={t('postingForm.maskedHint')}
          checked={values.masked}
          onCheckedChange={(checked) => form.setValue('masked', checked)}
        />
      </FormSection>

      <div className="flex flex-col gap-3 desktop:flex-row">
        {mode === 'create' ? (
          <>
            <Button
              type="submit"
              variant="secondary"
              busy={form.isSubmitting && submitted === 'draft'}
              onClick={() => (status.current = 'draft')}
              className="desktop:min-w-[12rem]"
            >
              {form.isSubmitting && submitted === 'draft' ? t('postingForm.saving') : t('postingForm.saveDraft')}
            </Button>
            <Button
              type="submit"
              busy={form.isSubmitting && submitted === 'published'}
              onClick={() => (status.current = 'published')}
              className="desktop:min-w-[12rem]"
            >
              {form.isSubmitting && submitted === 'published' ? t('postingForm.publishing') : t('postingForm.publish')}
            </Button>
          </>
        ) : (
          <Button type="submit" busy={form.isSubmitting} className="desktop:min-w-[12rem]">
            {form.isSubmitting ? t('postingForm.saving') : t('postingForm.save')}
          </Button>
        )}
      </div>
    </form>
  );
}

function FormSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-6 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8">
      <h2 id={id} className="text-std-22B-150 text-solid-gray-900">
        {heading}
      </h2>
      {children}
    </section>
  );
}
