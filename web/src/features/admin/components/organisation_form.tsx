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
import { EMPTY_SCOPE, scopeInputFor } from '../organisation_scope';
import { OrganisationScopeFields } from './organisation_scope_fields';

export function OrganisationForm() {
  const { t, i18n } = useTranslation();
  const text = useMessageText();
  const createOrganisation = useCreateOrganisation();
  const [createdName, setCreatedName] = useState<string | null>(null);
  const form = useForm({
    schema: organisationSchema,
    initialValues: { name: '', kind: '', prefecture: '', ...EMPTY_SCOPE },
    onValid: async ({ name, kind, prefecture, ...scope }) => {
      setCreatedName(null);
      const organisation = await createOrganisation.mutateAsync({ name, kind, prefecture, ...scopeInputFor(kind, scope) });
      form.reset();
      setCreatedName(organisation.name);
    },
  });
  const fieldError = (name: keyof typeof form.values) => {
    const message = form.errors.fields[name];
    return message === undefined ? undefined : text(message);
  };

  function changePrefecture(prefecture: string): void {
    // A municipality or an area of the prefecture chosen before does not belong to the new one.
    form.updateValues({ prefecture, municipality: '', areas: [] });
  }

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
        maxLength={100}
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
          onValueChange={changePrefecture}
          error={fieldError('prefecture')}
        />
      </div>
      <OrganisationScopeFields
        kind={form.values.kind}
        prefecture={form.values.prefecture}
        values={form.values}
        update={form.updateValues}
        fieldError={fieldError}
        onPrefectureChosen={(prefecture) => form.updateValues({ prefecture, areas: [] })}
      />
      <div>
        <Button type="submit" busy={form.isSubmitting} className="w-full desktop:w-auto desktop:min-w-[12rem]">
          {form.isSubmitting ? t('organisations.submitting') : t('organisations.submit')}
        </Button>
      </div>
    </form>
  );
}
