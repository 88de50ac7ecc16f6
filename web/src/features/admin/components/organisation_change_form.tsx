import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../../shared/forms/use_form';
import { useMessageText } from '../../../shared/i18n/message';
import { organisationKindLabelKey } from '../../../shared/reference/organisation_kinds';
import { prefectureName } from '../../../shared/reference/prefectures';
import { Button } from '../../../shared/ui/button';
import { FormAlert } from '../../../shared/ui/form_alert';
import { TextField } from '../../../shared/ui/text_field';
import { organisationChangeSchema } from '../admin_schemas';
import { useUpdateOrganisation, type Organisation } from '../api/organisations_api';
import { useAdminTranslation } from '../i18n/admin_i18n';
import { scopeInputFor, scopeValuesOf } from '../organisation_scope';
import { OrganisationScopeFields } from './organisation_scope_fields';

interface OrganisationChangeFormProps {
  organisation: Organisation;
  onSaved: (changed: Organisation) => void;
  onCancel: () => void;
}

/**
 * Changes a registered organisation's name and scope. Kind and prefecture are
 * fixed (the server refuses to change them), so they are only named. Focus
 * moves to the heading when the form opens, so screen reader users hear
 * which organisation they are changing.
 */
export function OrganisationChangeForm({ organisation, onSaved, onCancel }: OrganisationChangeFormProps) {
  const { t } = useAdminTranslation();
  const { t: tShared, i18n } = useTranslation();
  const text = useMessageText();
  const updateOrganisation = useUpdateOrganisation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm({
    schema: organisationChangeSchema,
    initialValues: { name: organisation.name, ...scopeValuesOf(organisation) },
    onValid: async ({ name, ...scope }) => {
      const changed = await updateOrganisation.mutateAsync({
        id: organisation.id,
        changes: { name, ...scopeInputFor(organisation.kind, scope) },
      });
      onSaved(changed);
    },
  });
  const fieldError = (name: keyof typeof form.values) => {
    const message = form.errors.fields[name];
    return message === undefined ? undefined : text(message);
  };

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-6 rounded-12 border border-blue-900 bg-white p-5 desktop:p-8">
      <h3 id={headingId} ref={heading} tabIndex={-1} className="text-std-20B-150 text-solid-gray-900">
        {t('organisations.editHeading', { name: organisation.name })}
      </h3>
      <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
        <p className="text-std-16N-170 text-solid-gray-800">
          {t('organisations.fixedNote', {
            kind: tShared(organisationKindLabelKey(organisation.kind)),
            prefecture: prefectureName(organisation.prefecture, i18n.language),
          })}
        </p>
        <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
        <TextField
          label={tShared('organisations.nameLabel')}
          name="name"
          autoComplete="organization"
          required
          maxLength={100}
          value={form.values.name}
          onValueChange={(value) => form.setValue('name', value)}
          error={fieldError('name')}
        />
        <OrganisationScopeFields
          kind={organisation.kind}
          prefecture={organisation.prefecture}
          values={form.values}
          update={form.updateValues}
          fieldError={fieldError}
        />
        <div className="flex flex-wrap gap-4">
          <Button type="submit" busy={form.isSubmitting} className="w-full desktop:w-auto desktop:min-w-[12rem]">
            {form.isSubmitting ? t('organisations.saving') : t('organisations.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel} className="w-full desktop:w-auto">
            {t('organisations.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
