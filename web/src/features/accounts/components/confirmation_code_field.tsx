import { TextField } from '../../../shared/ui/text_field';
import { useAccountsTranslation } from '../i18n/accounts_i18n';

interface ConfirmationCodeFieldProps {
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  /** Set when the caller moves focus to the field itself (the login's second step). */
  id?: string;
}

/**
 * 「確認コード」: the 6 digits of the authenticator app. A numeric keypad on
 * phones, and `one-time-code` lets the browser or password manager fill it.
 * No maxLength: a pasted 「123 456」 must not be cut short (the schema
 * removes the space).
 */
export function ConfirmationCodeField({ value, onValueChange, error, id }: ConfirmationCodeFieldProps) {
  const { t } = useAccountsTranslation();
  return (
    <TextField
      id={id}
      label={t('code.label')}
      hint={t('code.hint')}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      autoCapitalize="none"
      spellCheck={false}
      required
      value={value}
      onValueChange={onValueChange}
      error={error}
    />
  );
}
