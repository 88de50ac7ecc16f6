import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { orderedFieldErrors } from '../../../shared/forms/form_errors';
import { useForm } from '../../../shared/forms/use_form';
import { groupSpecialties, localisedName, useAreas, useCategories, usePrefectures, useSpecialties } from '../../../shared/reference/reference_api';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { CAREER_SUPPORT, EMPLOYMENT_TYPES, NOTIFY_OPTIONS, WEEKDAYS } from '../../../shared/reference/work_codes';
import { Alert } from '../../../shared/ui/alert';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { CheckboxGroup, RadioGroup } from '../../../shared/ui/choice_group';
import { FormAlert } from '../../../shared/ui/form_alert';
import { GroupedCheckboxGroup } from '../../../shared/ui/grouped_checkbox_group';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useSaveProfile } from '../api/profile_api';
import { PROFILE_FORM_FIELDS, profileFieldId, profileInputFromForm, type ProfileFormField, type ProfileFormValues } from '../profile_form_values';
import { profileSchema } from '../validation/profile_schema';
import { LicenceRows } from './licence_rows';

/**
 * 希望条件: what the seeker is qualified for and the work they want. The
 * identity fields (name, phone, licences, notes) are grouped first and marked
 * as not shown to facilities before a match.
 */
export function ProfileForm({ initialValues }: { initialValues: ProfileFormValues }) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const categories = useCategories();
  const specialties = useSpecialties();
  const prefectures = usePrefectures();
  const allAreas = useAreas(null);
  const save = useSaveProfile();
  const [saved, setSaved] = useState(false);
  const savedAlert = useRef<HTMLDivElement>(null);
  const form = useForm({
    schema: profileSchema,
    initialValues,
    onValid: async (values) => {
      setSaved(false);
      await save.mutateAsync(profileInputFromForm(values));
      setSaved(true);
    },
  });
  const values = form.values;

  useEffect(() => {
    if (saved) {
      savedAlert.current?.focus();
    }
  }, [saved]);

  const field = (name: ProfileFormField) => ({ id: profileFieldId(name), name, error: form.fieldError(name) });
  const fieldLinks = orderedFieldErrors(form.errors, PROFILE_FORM_FIELDS).map(({ field: name, message }) => ({
    targetId: profileFieldId(name),
    message,
  }));

  const categoryChoices = (categories.data ?? []).map((category) => ({ value: category.code, label: localisedName(category, i18n.language) }));
  const specialtyGroups = groupSpecialties(specialties.data ?? []).map((group) => ({
    label: group.basic,
    choices: [group.basic, ...group.subspecialties].map((name) => ({ value: name, label: name })),
  }));
  const prefectureName = (code: string) => {
    const prefecture = prefectures.data?.find((entry) => entry.code === code);
    return prefecture === undefined ? code : localisedName(prefecture, i18n.language);
  };
  const areaGroups = values.prefectures
    .map((code) => ({
      label: prefectureName(code),
      choices: (allAreas.data ?? []).filter((area) => area.prefecture === code).map((area) => ({ value: area.code, label: area.name })),
    }))
    .filter((group) => group.choices.length > 0);

  function changePrefectures(next: string[]): void {
    // Areas belong to prefectures: those of a prefecture no longer wanted go too.
    const keptAreas = values.areas.filter((code) => next.includes((allAreas.data ?? []).find((area) => area.code === code)?.prefecture ?? code.slice(0, 2)));
    form.updateValues({ prefectures: next, areas: keptAreas });
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-10">
      <p className="text-std-16N-170 text-solid-gray-800">{t('profile.requiredNote')}</p>
      {saved && form.errors.summary.length === 0 && (
        <Alert kind="success" ref={savedAlert}>
          <p>{t('profile.saved')}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} fieldLinks={fieldLinks} alertRef={form.alertRef} />

      <FormSection id="profile-section-identity" heading={t('profile.identityHeading')}>
        <p className="text-std-16N-170 text-solid-gray-800">{t('profile.identityNote')}</p>
        <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
          <TextField
            {...field('name')}
            label={t('profile.nameLabel')}
            autoComplete="name"
            required
            maxLength={100}
            value={values.name}
            onValueChange={(value) => form.setValue('name', value)}
          />
          <TextField
            {...field('phone')}
            label={t('profile.phoneLabel')}
            type="tel"
            autoComplete="tel"
            hint={t('profile.phoneHint')}
            value={values.phone}
            onValueChange={(value) => form.setValue('phone', value)}
          />
        </div>
        <LicenceRows
          id={profileFieldId('licences')}
          licences={values.licences}
          categories={categories.data ?? []}
          onChange={(licences) => form.setValue('licences', licences)}
          error={form.fieldError('licences')}
        />
      </FormSection>

      <FormSection id="profile-section-qualifications" heading={t('profile.qualificationsHeading')}>
        <CheckboxGroup
          {...field('categories')}
          legend={t('profile.categoriesLabel')}
          required
          hint={t('profile.categoriesHint')}
          choices={categoryChoices}
          values={values.categories}
          onValuesChange={(next) => form.setValue('categories', next)}
          layout="grid grid-cols-1 gap-x-6 desktop:grid-cols-3"
        />
        <GroupedCheckboxGroup
          {...field('specialties')}
          legend={t('profile.specialtiesLabel')}
          hint={t('profile.specialtiesHint')}
          groups={specialtyGroups}
          values={values.specialties}
          onValuesChange={(next) => form.setValue('specialties', next)}
        />
        <div className="desktop:max-w-[16rem]">
          <TextField
            {...field('experience_years')}
            label={t('profile.experienceYearsLabel')}
            inputMode="numeric"
            hint={t('profile.experienceYearsHint')}
            value={values.experience_years}
            onValueChange={(value) => form.setValue('experience_years', value)}
          />
        </div>
      </FormSection>

      <FormSection id="profile-section-work" heading={t('profile.workHeading')}>
        <CheckboxGroup
          {...field('employment')}
          legend={t('profile.employmentLabel')}
          required
          choices={EMPLOYMENT_TYPES.map((code) => ({ value: code, label: labels.employment(code) }))}
          values={values.employment}
          onValuesChange={(next) => form.setValue('employment', next)}
          layout="grid grid-cols-1 gap-x-6 desktop:grid-cols-3"
        />
        <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
          <TextField
            {...field('available_from')}
            label={t('profile.availableFromLabel')}
            type="date"
            value={values.available_from}
            onValueChange={(value) => form.setValue('available_from', value)}
          />
          <TextField
            {...field('period_months_max')}
            label={t('profile.periodMonthsMaxLabel')}
            inputMode="numeric"
            hint={t('profile.periodMonthsMaxHint')}
            value={values.period_months_max}
            onValueChange={(value) => form.setValue('period_months_max', value)}
          />
        </div>
        <CheckboxGroup
          {...field('weekdays')}
          legend={t('profile.weekdaysLabel')}
          choices={WEEKDAYS.map((code) => ({ value: code, label: labels.weekday(code) }))}
          values={values.weekdays}
          onValuesChange={(next) => form.setValue('weekdays', next)}
          layout="grid grid-cols-4 gap-x-4 desktop:grid-cols-7"
        />
        <CheckboxField
          {...field('night_duty')}
          label={t('profile.nightDutyLabel')}
          checked={values.night_duty}
          onCheckedChange={(checked) => form.setValue('night_duty', checked)}
        />
        <CheckboxField
          {...field('full_time')}
          label={t('profile.fullTimeLabel')}
          hint={t('profile.fullTimeHint')}
          checked={values.full_time}
          onCheckedChange={(checked) => form.setValue('full_time', checked)}
        />
      </FormSection>

      <FormSection id="profile-section-place" heading={t('profile.placeHeading')}>
        <CheckboxGroup
          {...field('prefectures')}
          legend={t('profile.prefecturesLabel')}
          required
          choices={(prefectures.data ?? []).map((prefecture) => ({ value: prefecture.code, label: localisedName(prefecture, i18n.language) }))}
          values={values.prefectures}
          onValuesChange={changePrefectures}
          layout="grid grid-cols-2 gap-x-4 desktop:grid-cols-4 desktop-admin:grid-cols-6"
        />
        <GroupedCheckboxGroup
          {...field('areas')}
          legend={t('profile.areasLabel')}
          hint={t('profile.areasHint')}
          emptyText={values.prefectures.length === 0 ? t('profile.areasChoosePrefecture') : t('profile.areasNone')}
          groups={areaGroups}
          values={values.areas}
          onValuesChange={(next) => form.setValue('areas', next)}
        />
      </FormSection>

      <FormSection id="profile-section-other" heading={t('profile.otherHeading')}>
        <RadioGroup
          {...field('career_support')}
          legend={t('profile.careerSupportLabel')}
          choices={CAREER_SUPPORT.map((code) => ({ value: code, label: t(`codes.careerSupport.${code}`) }))}
          value={values.career_support}
          onValueChange={(value) => form.setValue('career_support', value)}
          layout="grid grid-cols-1 gap-x-6 desktop:grid-cols-4"
        />
        <TextAreaField
          {...field('notes')}
          label={t('profile.notesLabel')}
          hint={t('profile.notesHint')}
          maxLength={2000}
          value={values.notes}
          onValueChange={(value) => form.setValue('notes', value)}
        />
        <RadioGroup
          {...field('notify')}
          legend={t('profile.notifyLabel')}
          hint={t('profile.notifyHint')}
          choices={NOTIFY_OPTIONS.map((code) => ({ value: code, label: t(`codes.notify.${code}`) }))}
          value={values.notify}
          onValueChange={(value) => form.setValue('notify', value)}
          layout="grid grid-cols-1 gap-x-6 desktop:grid-cols-3"
        />
        <CheckboxField
          {...field('facility_requests')}
          label={t('profile.facilityRequestsLabel')}
          hint={t('profile.facilityRequestsHint')}
          checked={values.facility_requests}
          onCheckedChange={(checked) => form.setValue('facility_requests', checked)}
        />
      </FormSection>

      <SubmitButton busy={form.isSubmitting} label={t('profile.save')} busyLabel={t('profile.saving')} />
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
