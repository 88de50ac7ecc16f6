import { useEffect, useId, useRef } from 'react';
import { useForm } from '../../../shared/forms/use_form';
import { Button } from '../../../shared/ui/button';
import { FormAlert } from '../../../shared/ui/form_alert';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { useConfirmSecondFactor, type SecondFactorEnrolment as Enrolment } from '../api/second_factor_api';
import { useAccountsTranslation } from '../i18n/accounts_i18n';
import { secondFactorConfirmSchema } from '../validation/account_schemas';
import { ConfirmationCodeField } from './confirmation_code_field';
import { QrCode } from './qr_code';
import { SetupKey } from './setup_key';

interface SecondFactorEnrolmentProps {
  enrolment: Enrolment;
  onEnabled: () => void;
  onCancel: () => void;
}

/**
 * The three steps of setting up the app: scan the QR code (or type the key),
 * then prove it works with a code. Focus moves to the heading when the panel
 * opens, so screen reader users hear where they are.
 */
export function SecondFactorEnrolment({ enrolment, onEnabled, onCancel }: SecondFactorEnrolmentProps) {
  const { t } = useAccountsTranslation();
  const confirm = useConfirmSecondFactor();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm({
    schema: secondFactorConfirmSchema,
    initialValues: { code: '' },
    onValid: async ({ code }) => {
      await confirm.mutateAsync(code);
      onEnabled();
    },
  });

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-6 rounded-12 border border-blue-900 bg-white p-5 desktop:p-8">
      <h3 id={headingId} ref={heading} tabIndex={-1} className="text-std-20B-150 text-solid-gray-900 focus:outline-none">
        {t('secondFactor.enrolment.heading')}
      </h3>
      <ol className="flex list-decimal flex-col gap-6 pl-6 text-std-16N-170 text-solid-gray-900">
        <li className="flex flex-col gap-4">
          <p>{t('secondFactor.enrolment.scanStep')}</p>
          <QrCode text={enrolment.otpauth_uri} label={t('secondFactor.enrolment.qrLabel')} />
        </li>
        <li className="flex flex-col gap-4">
          <p>{t('secondFactor.enrolment.keyStep')}</p>
          <SetupKey secret={enrolment.secret} />
        </li>
        <li className="flex flex-col gap-4">
          <p>{t('secondFactor.enrolment.codeStep')}</p>
          <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
            <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
            <ConfirmationCodeField
              value={form.values.code}
              onValueChange={(value) => form.setValue('code', value)}
              error={form.fieldError('code')}
            />
            <div className="flex flex-col gap-4 desktop:flex-row">
              <SubmitButton
                busy={form.isSubmitting}
                label={t('secondFactor.enrolment.submit')}
                busyLabel={t('secondFactor.enrolment.submitting')}
              />
              <div>
                <Button variant="secondary" className="w-full desktop:w-auto" onClick={onCancel}>
                  {t('secondFactor.enrolment.cancel')}
                </Button>
              </div>
            </div>
          </form>
        </li>
      </ol>
    </section>
  );
}
