import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderedFieldErrors } from '../../../shared/forms/form_errors';
import { useForm } from '../../../shared/forms/use_form';
import { municipalityLabel, MunicipalityCombobox } from '../../../shared/reference/municipality_combobox';
import {
  groupSpecialties,
  localisedName,
  useAreas,
  useCategories,
  usePrefectures,
  useSpecialties,
  type Municipality,
} from '../../../shared/reference/reference_api';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { CAREER_SUPPORT, EMPLOYMENT_TYPES, NOTIFY_OPTIONS, WEEKDAYS } from '../../../shared/reference/work_codes';
import { useOpenSections } from '../../../shared/hooks/use_open_sections';
import { Alert } from '../../../shared/ui/alert';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { CheckboxGroup, RadioGroup } from '../../../shared/ui/choice_group';
import { CollapsibleSection } from '../../../shared/ui/collapsible_section';
import { FormAlert } from '../../../shared/ui/form_alert';
import { GroupedCheckboxGroup } from '../../../shared/ui/grouped_checkbox_group';
import { goToSection, SectionIndex } from '../../../shared/ui/section_index';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useSaveProfile } from '../api/profile_api';
import { PROFILE_FORM_FIELDS, profileFieldId, profileInputFromForm, type ProfileFormField, type ProfileFormValues } from '../profile_form_values';
import { missesRequired, PROFILE_SECTIONS, sectionOfField, type ProfileSection } from '../profile_sections';
import { profileSchema } from '../validation/profile_schema';
import { LicenceRows } from './licence_rows';

/**
 * 希望条件: what the seeker is qualified for and the work they want. The
 * identity fields (name, phone, licences, notes) are grouped first and marked
 * as not shown to facilities before a match. Each section folds; the index on
 * top says what each holds, and on a phone only the sections still missing a
 * required answer start open.
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
  const sections = useOpenSections(
    PROFILE_SECTIONS.map((section) => section.id),
    (id) => PROFILE_SECTIONS.some((section) => section.id === id && missesRequired(section, initialValues)),
  );

  useEffect(() => {
    if (saved) {
      savedAlert.current?.focus();
    }
  }, [saved]);

  // The error summary links to the wrong fields: their sections must be open for the links to land.
  const { setOpen } = sections;
  useEffect(() => {
    for (const name of Object.keys(form.errors.fields)) {
      const section = sectionOfField(name);
      if (section !== undefined) {
        setOpen(section.id, true);
      }
    }
  }, [form.errors.fields, setOpen]);

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

  const listed = (names: string[]) => (names.length === 0 ? t('profile.sections.none') : names.join(t('common.listSeparator')));
  const count = (n: number) => (n === 0 ? t('profile.sections.none') : t('profile.sections.count', { count: n }));
  const categoryName = (code: string) => categoryChoices.find((choice) => choice.value === code)?.label ?? code;
  const summaries: Record<ProfileSection['key'], string> = {
    identity: t('profile.sections.summary.identity', {
      name: values.name.trim() === '' ? t('profile.sections.none') : values.name.trim(),
      phone: values.phone.trim() === '' ? t('profile.sections.none') : t('profile.sections.entered'),
      licences: count(values.licences.length),
    }),
    qualifications: t('profile.sections.summary.qualifications', {
      categories: listed(values.categories.map(categoryName)),
      specialties: count(values.specialties.length),
      years: values.experience_years.trim() === '' ? t('profile.sections.none') : t('profile.sections.years', { count: Number(values.experience_years) }),
    }),
    work: t('profile.sections.summary.work', {
      employment: listed(values.employment.map((code) => labels.employment(code))),
      from: values.available_from === '' ? t('profile.sections.none') : values.available_from,
      weekdays: listed(values.weekdays.map((code) => labels.weekday(code))),
    }),
    place: t('profile.sections.summary.place', { prefectures: listed(values.prefectures.map(prefectureName)), areas: count(values.areas.length) }),
    other: t('profile.sections.summary.other', {
      support: t(`codes.careerSupport.${values.career_support}` as 'codes.careerSupport.none'),
      notify: t(`codes.notify.${values.notify}` as 'codes.notify.immediate'),
    }),
  };
  const headings: Record<ProfileSection['key'], string> = {
    identity: t('profile.identityHeading'),
    qualifications: t('profile.qualificationsHeading'),
    work: t('profile.workHeading'),
    place: t('profile.placeHeading'),
    other: t('profile.otherHeading'),
  };
  const sectionProps = (key: ProfileSection['key']) => {
    const section = PROFILE_SECTIONS.find((entry) => entry.key === key) as ProfileSection;
    return {
      id: section.id,
      heading: headings[key],
      summary: summaries[key],
      open: sections.isOpen(section.id),
      onOpenChange: (open: boolean) => sections.setOpen(section.id, open),
      className: 'rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8',
    };
  };

  // 「市区町村から探す」: what the last municipality found added, said under the field.
  const [placeAdded, setPlaceAdded] = useState<string | null>(null);

  /** A municipality found by name or kana adds its prefecture and its 二次医療圏 (the area a seeker may not know by name). */
  function addPlaceOf(municipality: Municipality): void {
    const area = (allAreas.data ?? []).find((entry) => entry.code === municipality.area);
    form.updateValues({
      prefectures: values.prefectures.includes(municipality.prefecture) ? values.prefectures : [...values.prefectures, municipality.prefecture],
      areas: area === undefined || values.areas.includes(area.code) ? values.areas : [...values.areas, area.code],
    });
    const place = municipalityLabel(municipality, i18n.language);
    setPlaceAdded(
      area === undefined
        ? t('profile.placeFinderAddedPrefecture', { place, prefecture: prefectureName(municipality.prefecture) })
        : t('profile.placeFinderAdded', { place, prefecture: prefectureName(municipality.prefecture), area: area.name }),
    );
  }

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
      <SectionIndex
        label={t('profile.sections.index')}
        entries={PROFILE_SECTIONS.map((section) => ({
          id: section.id,
          heading: headings[section.key],
          summary: summaries[section.key],
          attention: missesRequired(section, values) ? t('profile.sections.missing') : undefined,
        }))}
        onGo={(id) => goToSection(id, (target) => sections.setOpen(target, true))}
      />

      <CollapsibleSection {...sectionProps('identity')}>
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
      </CollapsibleSection>

      <CollapsibleSection {...sectionProps('qualifications')}>
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
      </CollapsibleSection>

      <CollapsibleSection {...sectionProps('work')}>
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
      </CollapsibleSection>

      <CollapsibleSection {...sectionProps('place')}>
        <CheckboxGroup
          {...field('prefectures')}
          legend={t('profile.prefecturesLabel')}
          required
          choices={(prefectures.data ?? []).map((prefecture) => ({ value: prefecture.code, label: localisedName(prefecture, i18n.language) }))}
          values={values.prefectures}
          onValuesChange={changePrefectures}
          layout="grid grid-cols-2 gap-x-4 desktop:grid-cols-4 desktop-admin:grid-cols-6"
        />
        <div className="flex flex-col gap-2">
          <MunicipalityCombobox
            label={t('profile.placeFinderLabel')}
            name="place_finder"
            hint={t('profile.placeFinderHint')}
            value=""
            prefecture=""
            onChoose={(municipality) => municipality !== null && addPlaceOf(municipality)}
          />
          <p role="status" className="text-std-16N-170 text-solid-gray-900">
            {placeAdded}
          </p>
        </div>
        <GroupedCheckboxGroup
          {...field('areas')}
          legend={t('profile.areasLabel')}
          hint={t('profile.areasHint')}
          emptyText={values.prefectures.length === 0 ? t('profile.areasChoosePrefecture') : t('profile.areasNone')}
          groups={areaGroups}
          values={values.areas}
          onValuesChange={(next) => form.setValue('areas', next)}
        />
      </CollapsibleSection>

      <CollapsibleSection {...sectionProps('other')}>
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
      </CollapsibleSection>

      <SubmitButton busy={form.isSubmitting} label={t('profile.save')} busyLabel={t('profile.saving')} />
    </form>
  );
}
