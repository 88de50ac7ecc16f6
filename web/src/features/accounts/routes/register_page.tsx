import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../../shared/forms/use_form';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { Alert } from '../../../shared/ui/alert';
import { Card } from '../../../shared/ui/card';
import { FormAlert } from '../../../shared/ui/form_alert';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { TextLink } from '../../../shared/ui/text_link';
import { registerSeeker } from '../api/accounts_api';
import { PasswordFields } from '../components/password_fields';
import { registrationSchema } from '../validation/account_schemas';

export function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('register.title'));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    schema: registrationSchema,
    initialValues: { name: '', email: '', password: '', passwordConfirmation: '' },
    onValid: async ({ name, email, password }) => {
      await registerSeeker({ name, email, password });
      setSentTo(email);
    },
  });

  if (sentTo !== null) {
    return (
      <NarrowPage heading={t('register.title')}>
        <Alert kind="success" title={t('register.sentTitle')}>
          <p>{t('register.sent')}</p>
          <p className="mt-2">{t('register.sentTo', { email: sentTo })}</p>
        </Alert>
        <p className="text-std-16N-170">
          <TextLink to="/login">{t('common.goToLogin')}</TextLink>
        </p>
      </NarrowPage>
    );
  }

  return (
    <NarrowPage heading={t('register.title')} lead={t('register.lead')}>
      <Card>
        <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
          <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
          <TextField
            label={t('register.nameLabel')}
            name="name"
            autoComplete="name"
            required
            value={form.values.name}
            onValueChange={(value) => form.setValue('name', value)}
            error={form.fieldError('name')}
          />
          <TextField
            label={t('register.emailLabel')}
            name="email"
            type="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            hint={t('register.emailHint')}
            value={form.values.email}
            onValueChange={(value) => form.setValue('email', value)}
            error={form.fieldError('email')}
          />
          <PasswordFields
            password={form.values.password}
            confirmation={form.values.passwordConfirmation}
            onPasswordChange={(value) => form.setValue('password', value)}
            onConfirmationChange={(value) => form.setValue('passwordConfirmation', value)}
            passwordError={form.fieldError('password')}
            confirmationError={form.fieldError('passwordConfirmation')}
          />
          <SubmitButton busy={form.isSubmitting} label={t('register.submit')} busyLabel={t('register.submitting')} />
        </form>
      </Card>
      <p className="text-std-16N-170">
        {t('register.haveAccount')} <TextLink to="/login">{t('common.goToLogin')}</TextLink>
      </p>
    </NarrowPage>
  );
}
