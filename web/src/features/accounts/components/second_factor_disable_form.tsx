import { useId } from 'react';
import { orderedFieldErrors } from '../../../shared/forms/form_errors';
import { useForm } from '../../../shared/forms/use_form';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { useDisableSecondFactor } from '../api/second_factor_api';
import { useAccountsTranslation } from '../i18n/accounts_i18n';
import { secondFactorDisableSchema } from '../validation/account_schemas';
import { ConfirmationCodeField } from './confirmation_code_field';

/** The fields in the order they appear, for the error summary's links. */
const DISABLE_FIELDS = ['password', 'code'] as const;

/** Turns the second factor off; the password and a current code prove it is the owner asking. */
export function SecondFactorDisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useAccountsTranslation();
  const disable = useDisableSecondFactor();
  const headingId = useId();
  const fieldId = (name: string) => `${headingId}-${name}`;
  const form = useForm({
    schema: secondFactorDisableSchema,
    initialValues: { password: '', code: '' },
    onValid: async (input) => {
      await disable.mutateAsync(input);
      onDisabled();
    },
  });

  const fieldLinks = orderedFieldErrors(form.errors, DISABLE_FIELDS).map(({ field, message }) => ({ targetId: fieldId(field), message }));

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 border-t border-solid-gray-200 pt-6">
      <h3 id={headingId} className="text-std-20B-150 text-solid-gray-900">
        {t('secondFactor.disable.heading')}
      </h3>
      <p className="text-std-16N-170 text-solid-gray-800">{t('secondFactor.disable.text')}</p>
      <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
        <FormAlert messages={form.errors.summary} fieldLinks={fieldLinks} alertRef={form.alertRef} />
        <TextField
          id={fieldId('password')}
          label={t('secondFactor.disable.passwordLabel')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.password}
          onValueChange={(value) => form.setValue('password', value)}
          error={form.fieldError('password')}
        />
        <ConfirmationCodeField id={fieldId('code')} value={form.values.code} onValueChange={(value) => form.setValue('code', value)} error={form.fieldError('code')} />
        <SubmitButton busy={form.isSubmitting} label={t('secondFactor.disable.submit')} busyLabel={t('secondFactor.disable.submitting')} />
      </form>
    </section>
  );
}
