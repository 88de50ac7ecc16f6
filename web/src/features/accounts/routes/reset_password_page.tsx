import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useForm } from '../../../shared/forms/use_form';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { Alert } from '../../../shared/ui/alert';
import { Card } from '../../../shared/ui/card';
import { FormAlert } from '../../../shared/ui/form_alert';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextLink } from '../../../shared/ui/text_link';
import { confirmPasswordReset } from '../api/accounts_api';
import { PasswordFields } from '../components/password_fields';
import { newPasswordSchema } from '../validation/account_schemas';

/** Sets a password from a mailed link: a reset, or the first password of an ID the secretariat issued. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reset.title'));
  const token = useSearchParams()[0].get('token') ?? '';
  const [done, setDone] = useState(false);
  const form = useForm({
    schema: newPasswordSchema,
    initialValues: { password: '', passwordConfirmation: '' },
    onValid: async ({ password }) => {
      await confirmPasswordReset({ token, password });
      setDone(true);
    },
  });

  if (token === '') {
    return (
      <NarrowPage heading={t('reset.title')}>
        <Alert kind="error">
          <p>{t('reset.missingToken')}</p>
        </Alert>
        <p className="text-std-16N-170">
          <TextLink to="/password/forgot">{t('reset.requestAgain')}</TextLink>
        </p>
      </NarrowPage>
    );
  }

  if (done) {
    return (
      <NarrowPage heading={t('reset.title')}>
        <Alert kind="success" title={t('reset.doneTitle')}>
          <p>{t('reset.done')}</p>
        </Alert>
        <p className="text-std-16N-170">
          <TextLink to="/login">{t('common.goToLogin')}</TextLink>
        </p>
      </NarrowPage>
    );
  }

  return (
    <NarrowPage heading={t('reset.title')} lead={t('reset.lead')}>
      <Card>
        <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
          <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
          <PasswordFields
            password={form.values.password}
            confirmation={form.values.passwordConfirmation}
            onPasswordChange={(value) => form.setValue('password', value)}
            onConfirmationChange={(value) => form.setValue('passwordConfirmation', value)}
            passwordError={form.fieldError('password')}
            confirmationError={form.fieldError('passwordConfirmation')}
          />
          <SubmitButton busy={form.isSubmitting} label={t('reset.submit')} busyLabel={t('reset.submitting')} />
        </form>
      </Card>
      <p className="text-std-16N-170">
        <TextLink to="/password/forgot">{t('reset.requestAgain')}</TextLink>
      </p>
    </NarrowPage>
  );
}
