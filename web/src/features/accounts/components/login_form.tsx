import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api_error';
import { useForm } from '../../../shared/forms/use_form';
import { SECOND_FACTOR_ERRORS, type Credentials, type SessionUser } from '../../../shared/session/session_api';
import { Button } from '../../../shared/ui/button';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { useAccountsTranslation } from '../i18n/accounts_i18n';
import { loginSchema, loginWithCodeSchema } from '../validation/account_schemas';
import { ConfirmationCodeField } from './confirmation_code_field';

interface LoginFormProps {
  /** Sends the credentials; throws ApiError when the server refuses them. */
  logIn: (credentials: Credentials) => Promise<SessionUser>;
  onLoggedIn: (user: SessionUser) => void;
}

/** password: ID and password; code: the server asked for the authenticator app's code. */
type LoginStep = 'password' | 'code';

/**
 * Logs in with ID and password and, for a user with a second factor, a second
 * step that asks for the authenticator app's code: the ID and password are
 * kept and sent again with it, as the server checks all three together.
 */
export function LoginForm({ logIn, onLoggedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const { t: tAccounts } = useAccountsTranslation();
  const [step, setStep] = useState<LoginStep>('password');
  const codeInputId = useId();
  const loginInputId = useId();
  // Focus moves on a change of step only, not on the first render.
  const previousStep = useRef<LoginStep>(step);
  const form = useForm({
    schema: step === 'code' ? loginWithCodeSchema : loginSchema,
    initialValues: { login: '', password: '', code: '' },
    onValid: async (credentials) => {
      try {
        onLoggedIn(await logIn(credentials));
      } catch (error) {
        if (step === 'password' && error instanceof ApiError && error.code === SECOND_FACTOR_ERRORS.required) {
          setStep('code');
          return;
        }
        throw error;
      }
    },
  });

  useEffect(() => {
    if (previousStep.current === step) {
      return;
    }
    previousStep.current = step;
    document.getElementById(step === 'code' ? codeInputId : loginInputId)?.focus();
  }, [step, codeInputId, loginInputId]);

  function backToPassword(): void {
    form.setValue('code', '');
    form.clearErrors();
    setStep('password');
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      {step === 'password' ? (
        <>
          <TextField
            id={loginInputId}
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
        </>
      ) : (
        <>
          <p className="text-std-16N-170 text-solid-gray-800">{tAccounts('login.codeLead', { login: form.values.login.trim() })}</p>
          <ConfirmationCodeField
            id={codeInputId}
            value={form.values.code}
            onValueChange={(value) => form.setValue('code', value)}
            error={form.fieldError('code')}
          />
          <SubmitButton busy={form.isSubmitting} label={tAccounts('login.submitCode')} busyLabel={tAccounts('login.submittingCode')} />
          <div>
            <Button variant="text" className="min-h-11 px-0" onClick={backToPassword}>
              {tAccounts('login.back')}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
