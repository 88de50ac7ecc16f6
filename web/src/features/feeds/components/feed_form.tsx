import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderedFieldErrors } from '../../../shared/forms/form_errors';
import { useForm } from '../../../shared/forms/use_form';
import { localisedName, useCategories, usePrefectures } from '../../../shared/reference/reference_api';
import { URGENCIES } from '../../../shared/reference/work_codes';
import { Alert } from '../../../shared/ui/alert';
import { CheckboxGroup, RadioGroup } from '../../../shared/ui/choice_group';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { useCreateFeed } from '../api/feeds_api';
import { EMPTY_FEED_FORM, FEED_FORM_FIELDS, feedFieldId, feedInputFromForm, feedSchema, type FeedFormField } from '../feed_form_values';
import { useFeedsTranslation } from '../i18n/feeds_i18n';

/** 新しい配信の登録: name, the filters (empty = all) and an optional address for the daily mail. */
export function FeedForm() {
  const { t } = useFeedsTranslation();
  const { t: tShared, i18n } = useTranslation();
  const prefectures = usePrefectures();
  const categories = useCategories();
  const createFeed = useCreateFeed();
  const [createdName, setCreatedName] = useState<string | null>(null);
  const createdAlert = useRef<HTMLDivElement>(null);
  const form = useForm({
    schema: feedSchema,
    initialValues: EMPTY_FEED_FORM,
    onValid: async (data) => {
      setCreatedName(null);
      const feed = await createFeed.mutateAsync(feedInputFromForm(data));
      form.reset();
      setCreatedName(feed.name);
    },
  });
  const values = form.values;

  useEffect(() => {
    if (createdName !== null) {
      createdAlert.current?.focus();
    }
  }, [createdName]);

  const field = (name: FeedFormField) => ({ id: feedFieldId(name), name, error: form.fieldError(name) });
  const fieldLinks = orderedFieldErrors(form.errors, FEED_FORM_FIELDS).map(({ field: name, message }) => ({
    targetId: feedFieldId(name as FeedFormField),
    message,
  }));

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      <p className="text-std-16N-170 text-solid-gray-800">{t('form.requiredNote')}</p>
      {createdName !== null && form.errors.summary.length === 0 && (
        <Alert kind="success" ref={createdAlert}>
          <p>{t('form.created', { name: createdName })}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} fieldLinks={fieldLinks} alertRef={form.alertRef} />
      <TextField
        {...field('name')}
        label={t('form.nameLabel')}
        hint={t('form.nameHint')}
        required
        maxLength={100}
        value={values.name}
        onValueChange={(value) => form.setValue('name', value)}
      />
      <CheckboxGroup
        {...field('prefectures')}
        legend={t('form.prefecturesLabel')}
        hint={t('form.prefecturesHint')}
        choices={(prefectures.data ?? []).map((prefecture) => ({ value: prefecture.code, label: localisedName(prefecture, i18n.language) }))}
        values={values.prefectures}
        onValuesChange={(next) => form.setValue('prefectures', next)}
        layout="grid grid-cols-2 gap-x-4 desktop:grid-cols-4 desktop-admin:grid-cols-6"
      />
      <CheckboxGroup
        {...field('categories')}
        legend={t('form.categoriesLabel')}
        hint={t('form.categoriesHint')}
        choices={(categories.data ?? []).map((category) => ({ value: category.code, label: localisedName(category, i18n.language) }))}
        values={values.categories}
        onValuesChange={(next) => form.setValue('categories', next)}
        layout="grid grid-cols-1 gap-x-4 desktop:grid-cols-3"
      />
      <RadioGroup
        {...field('urgency')}
        legend={t('form.urgencyLabel')}
        choices={[{ value: '', label: t('form.urgencyAll') }, ...URGENCIES.map((code) => ({ value: code, label: tShared(`codes.urgency.${code}`) }))]}
        value={values.urgency}
        onValueChange={(value) => form.setValue('urgency', value)}
        layout="flex flex-wrap gap-x-6"
      />
      <TextField
        {...field('digest_email')}
        label={t('form.digestEmailLabel')}
        hint={t('form.digestEmailHint')}
        type="email"
        autoComplete="email"
        value={values.digest_email}
        onValueChange={(value) => form.setValue('digest_email', value)}
      />
      <SubmitButton busy={form.isSubmitting} label={t('form.submit')} busyLabel={t('form.submitting')} />
    </form>
  );
}
