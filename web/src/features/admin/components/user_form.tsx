import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../../shared/forms/use_form';
import { useMessageText } from '../../../shared/i18n/message';
import { organisationKindLabelKey } from '../../../shared/reference/organisation_kinds';
import { prefectureName } from '../../../shared/reference/prefectures';
import { isRole } from '../../../shared/reference/roles';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SelectField } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import { issueUserSchema } from '../admin_schemas';
import { ALL_ORGANISATIONS_PAGE_SIZE, useOrganisations, type Organisation } from '../api/organisations_api';
import { useIssueUser } from '../api/users_api';
import { ISSUABLE_ROLE_KINDS, ISSUABLE_ROLES } from '../role_organisation_kinds';

/** Organisations that fit the chosen role; all of them while no role is chosen or none fits. */
function organisationsForRole(organisations: readonly Organisation[], role: string): readonly Organisation[] {
  const kind = isRole(role) ? ISSUABLE_ROLE_KINDS[role] : undefined;
  const matching = organisations.filter((organisation) => organisation.kind === kind);
  return matching.length > 0 ? matching : organisations;
}

export function UserForm() {
  const { t, i18n } = useTranslation();
  const text = useMessageText();
  const issueUser = useIssueUser();
  const organisations = useOrganisations(1, ALL_ORGANISATIONS_PAGE_SIZE);
  const [issuedLogin, setIssuedLogin] = useState<string | null>(null);
  const form = useForm({
    schema: issueUserSchema,
    initialValues: { login: '', display_name: '', email: '', role: '', organisation_id: '' },
    onValid: async (input) => {
      setIssuedLogin(null);
      const user = await issueUser.mutateAsync(input);
      form.reset();
      setIssuedLogin(user.login);
    },
  });
  const fieldError = (name: keyof typeof form.values) => {
    const message = form.errors.fields[name];
    return message === undefined ? undefined : text(message);
  };
  const organisationOptions = organisationsForRole(organisations.data?.items ?? [], form.values.role).map((organisation) => ({
    value: organisation.id,
    label: t('users.organisationOption', {
      name: organisation.name,
      kind: t(organisationKindLabelKey(organisation.kind)),
      prefecture: prefectureName(organisation.prefecture, i18n.language),
    }),
  }));

  function changeRole(role: string): void {
    form.setValue('role', role);
    // An organisation chosen for another role would likely be wrong now.
    if (!organisationsForRole(organisations.data?.items ?? [], role).some((o) => o.id === form.values.organisation_id)) {
      form.setValue('organisation_id', '');
    }
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      {issuedLogin !== null && (
        <Alert kind="success">
          <p>{t('users.issued')}</p>
          <p className="mt-2">{t('users.issuedId', { login: issuedLogin })}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
        <TextField
          label={t('users.loginLabel')}
          name="login"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint={t('users.loginHint')}
          value={form.values.login}
          onValueChange={(value) => form.setValue('login', value)}
          error={fieldError('login')}
        />
        <TextField
          label={t('users.nameLabel')}
          name="display_name"
          autoComplete="off"
          required
          hint={t('users.nameHint')}
          value={form.values.display_name}
          onValueChange={(value) => form.setValue('display_name', value)}
          error={fieldError('display_name')}
        />
      </div>
      <TextField
        label={t('users.emailLabel')}
        name="email"
        type="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        hint={t('users.emailHint')}
        value={form.values.email}
        onValueChange={(value) => form.setValue('email', value)}
        error={fieldError('email')}
      />
      <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
        <SelectField
          label={t('users.roleLabel')}
          name="role"
          required
          value={form.values.role}
          options={ISSUABLE_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          onValueChange={changeRole}
          error={fieldError('role')}
        />
        <SelectField
          label={t('users.organisationLabel')}
          name="organisation_id"
          required
          hint={t('users.organisationHint')}
          value={form.values.organisation_id}
          options={organisationOptions}
          onValueChange={(value) => form.setValue('organisation_id', value)}
          error={fieldError('organisation_id')}
        />
      </div>
      <div>
        <Button type="submit" busy={form.isSubmitting} className="w-full desktop:w-auto desktop:min-w-[12rem]">
          {form.isSubmitting ? t('users.submitting') : t('users.submit')}
        </Button>
      </div>
    </form>
  );
}
