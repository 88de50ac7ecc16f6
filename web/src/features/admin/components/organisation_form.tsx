import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../../shared/forms/use_form';
import { useMessageText } from '../../../shared/i18n/message';
import { ORGANISATION_KINDS } from '../../../shared/reference/organisation_kinds';
import { PREFECTURES } from '../../../shared/reference/prefectures';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SelectField } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import { organisationSchema } from '../admin_schemas';
import { useCreateOrganisation } from '../api/organisations_api';

export function OrganisationForm() {
  const { t, i18n } = useTranslation();
  const text = useMessageText();
  const createOrganisation = useCreateOrganisation();
  const [createdName, setCreatedName] = useState<string | null>(null);
  const form = useForm({
    schema: organisationSchema,
    initialValues: { name: '', kind: '', prefecture: '' },
    onValid: async (input) => {
      setCreatedName(null);
      const organisation = await createOrganisation.mutateAsync(input);
      form.reset();
      setCreatedName(organisation.name);
    },
  });
  const fieldError = (name: keyof typeof form.values) => {
    const message = form.errors.fields[name];
    return message === undefined ? undefined : text(message);
  };

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      {createdName !== null && (
        <Alert kind="success">
          <p>{t('organisations.created', { name: createdName })}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <TextField
        label={t('organisations.nameLabel')}
        name="name"
        autoComplete="organization"
        required
        value={form.values.name}
        onValueChange={(value) => form.setValue('name', value)}
        error={fieldError('name')}
      />
      <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
        <SelectField
          label={t('organisations.kindLabel')}
          name="kind"
          required
          value={form.values.kind}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKind.${kind}`) }))}
          onValueChange={(value) => form.setValue('kind', value)}
          error={fieldError('kind')}
        />
        <SelectField
          label={t('organisations.prefectureLabel')}
          name="prefecture"
          required
          value={form.values.prefecture}
          options={PREFECTURES.map((prefecture) => ({
            value: prefecture.code,
            label: i18n.language === 'en' ? prefecture.en : prefecture.ja,
          }))}
          onValueChange={(value) => form.setValue('prefecture', value)}
          error={fieldError('prefecture')}
        />
      </div>
      <div>
        <Button type="submit" busy={form.isSubmitting} className="w-full desktop:w-auto desktop:min-w-[12rem]">
          {form.isSubmitting ? t('organisations.submitting') : t('organisations.submit')}
        </Button>
      </div>
    </form>
  );
}
