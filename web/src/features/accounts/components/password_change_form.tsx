import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { orderedFieldErrors } from '../../../shared/forms/form_errors';
import { useForm } from '../../../shared/forms/use_form';
import type { SessionUser } from '../../../shared/session/session_api';
import { Alert } from '../../../shared/ui/alert';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { changePassword } from '../api/accounts_api';
import { useAccountsTranslation } from '../i18n/accounts_i18n';
import { passwordChangeSchema } from '../validation/account_schemas';
import { PasswordFields } from './password_fields';

/** The fields in the order they appear, for the error summary's links. */
const PASSWORD_CHANGE_FIELDS = ['current_password', 'new_password', 'passwordConfirmation'] as const;
type PasswordChangeField = (typeof PASSWORD_CHANGE_FIELDS)[number];

/**
 * The current password and a new one (with its confirmation). The server
 * checks the current one (`fields.current_password`) and the rules
 * (`fields.new_password`); both land under their inputs.
 */
export function PasswordChangeForm({ user }: { user: SessionUser }) {
  const { t } = useAccountsTranslation();
  const [changed, setChanged] = useState(false);
  const changedAlert = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const fieldId = (name: PasswordChangeField) => `${idPrefix}-${name}`;
  const schema = useMemo(() => passwordChangeSchema([user.login, user.email]), [user.login, user.email]);
  const form = useForm({
    schema,
    initialValues: { current_password: '', new_password: '', passwordConfirmation: '' },
    onValid: async ({ current_password, new_password }) => {
      await changePassword({ current_password, new_password });
      form.reset();
      setChanged(true);
    },
  });

  const fieldLinks = orderedFieldErrors(form.errors, PASSWORD_CHANGE_FIELDS).map(({ field, message }) => ({
    targetId: fieldId(field as PasswordChangeField),
    message,
  }));

  useEffect(() => {
    if (changed) {
      changedAlert.current?.focus();
    }
  }, [changed]);

  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={(event) => {
        setChanged(false);
        void form.handleSubmit(event);
      }}
      className="flex flex-col gap-6"
    >
      {changed && (
        <Alert kind="success" ref={changedAlert}>
          <p>{t('password.changed')}</p>
        </Alert>
      )}
      <FormAlert messages={form.errors.summary} fieldLinks={fieldLinks} alertRef={form.alertRef} />
      <TextField
        id={fieldId('current_password')}
        label={t('password.currentLabel')}
        name="current_password"
        type="password"
        autoComplete="current-password"
        required
        value={form.values.current_password}
        onValueChange={(value) => form.setValue('current_password', value)}
        error={form.fieldError('current_password')}
      />
      <PasswordFields
        password={form.values.new_password}
        confirmation={form.values.passwordConfirmation}
        onPasswordChange={(value) => form.setValue('new_password', value)}
        onConfirmationChange={(value) => form.setValue('passwordConfirmation', value)}
        passwordError={form.fieldError('new_password')}
        confirmationError={form.fieldError('passwordConfirmation')}
        passwordId={fieldId('new_password')}
        confirmationId={fieldId('passwordConfirmation')}
        passwordLabel={t('password.newLabel')}
        confirmationLabel={t('password.confirmationLabel')}
      />
      <SubmitButton busy={form.isSubmitting} label={t('password.submit')} busyLabel={t('password.submitting')} />
    </form>
  );
}
