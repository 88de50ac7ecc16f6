import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/ui/text_field';

interface PasswordFieldsProps {
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  passwordError?: string;
  confirmationError?: string;
  /** Labels where 「パスワード」 alone would be unclear (a change of password, beside the current one). */
  passwordLabel?: string;
  confirmationLabel?: string;
  /** Ids for a form whose error summary links to its fields. */
  passwordId?: string;
  confirmationId?: string;
}

/** A new password and its confirmation, with the rule shown before anyone types (WCAG 3.3.2). */
export function PasswordFields(props: PasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={props.passwordId}
        label={props.passwordLabel ?? t('password.newLabel')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('password.rule')}
        value={props.password}
        onValueChange={props.onPasswordChange}
        error={props.passwordError}
      />
      <TextField
        id={props.confirmationId}
        label={props.confirmationLabel ?? t('password.confirmationLabel')}
        name="passwordConfirmation"
        type="password"
        autoComplete="new-password"
        required
        value={props.confirmation}
        onValueChange={props.onConfirmationChange}
        error={props.confirmationError}
      />
    </>
  );
}
