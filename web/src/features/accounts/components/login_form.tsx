import { useTranslation } from 'react-i18next';
import { useForm } from '../../../shared/forms/use_form';
import type { SessionUser } from '../../../shared/session/session_api';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { loginSchema } from '../validation/account_schemas';

interface LoginFormProps {
  /** Sends the credentials; throws ApiError when the server refuses them. */
  logIn: (credentials: { login: string; password: string }) => Promise<SessionUser>;
  onLoggedIn: (user: SessionUser) => void;
}

export function LoginForm({ logIn, onLoggedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    schema: loginSchema,
    initialValues: { login: '', password: '' },
    onValid: async (credentials) => {
      onLoggedIn(await logIn(credentials));
    },
  });

  return (
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
      <TextField
        label={t('login.passwordLabel')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={form.values.password}
        onValueChange={(value) => form.setValue('password', value)}
        error={form.fieldError('password')}
      />
      <SubmitButton busy={form.isSubmitting} label={t('login.submit')} busyLabel={t('login.submitting')} />
    </form>
  );
}
