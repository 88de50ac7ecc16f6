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
import { requestPasswordReset } from '../api/accounts_api';
import { forgotPasswordSchema } from '../validation/account_schemas';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forgot.title'));
  const [accepted, setAccepted] = useState(false);
  const form = useForm({
    schema: forgotPasswordSchema,
    initialValues: { login: '' },
    onValid: async ({ login }) => {
      await requestPasswordReset(login);
      setAccepted(true);
    },
  });

  if (accepted) {
    return (
      <NarrowPage heading={t('forgot.title')}>
        {/* The same words whether or not the ID exists, so the page cannot be used to probe for IDs. */}
        <Alert kind="success">
          <p>{t('forgot.accepted')}</p>
        </Alert>
        <p className="text-std-16N-170">
          <TextLink to="/login">{t('common.goToLogin')}</TextLink>
        </p>
      </NarrowPage>
    );
  }

  return (
    <NarrowPage heading={t('forgot.title')} lead={t('forgot.lead')}>
      <Card>
        <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
          <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
          <TextField
            label={t('login.loginLabel')}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={form.values.login}
            onValueChange={(value) => form.setValue('login', value)}
            error={form.fieldError('login')}
          />
          <SubmitButton busy={form.isSubmitting} label={t('forgot.submit')} busyLabel={t('forgot.submitting')} />
        </form>
      </Card>
      <p className="text-std-16N-170">
        <TextLink to="/login">{t('common.backToLogin')}</TextLink>
      </p>
    </NarrowPage>
  );
}
