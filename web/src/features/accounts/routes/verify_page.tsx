import { useEffect, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { TextLink } from '../../../shared/ui/text_link';
import { verifyRegistration } from '../api/accounts_api';

export function VerifyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('verify.title'));
  const text = useMessageText();
  const token = useSearchParams()[0].get('token') ?? '';
  const verification = useMutation({ mutationFn: verifyRegistration });
  const { mutate } = verification;

  // Tokens are single-use: send it exactly once, even when React (strict mode)
  // runs effects twice in development.
  const sentToken = useRef<string | null>(null);
  useEffect(() => {
    if (token !== '' && sentToken.current !== token) {
      sentToken.current = token;
      mutate(token);
    }
  }, [token, mutate]);

  return (
    <NarrowPage heading={t('verify.title')}>
      {token === '' && (
        <Alert kind="error">
          <p>{t('verify.missingToken')}</p>
        </Alert>
      )}
      {token !== '' && (verification.isIdle || verification.isPending) && <LoadingIndicator />}
      {verification.isSuccess && (
        <Alert kind="success" title={t('verify.successTitle')}>
          <p>{t('verify.success')}</p>
        </Alert>
      )}
      {verification.isError && (
        <Alert kind="error">
          <p>{text(messageForError(verification.error))}</p>
        </Alert>
      )}
      {(verification.isSuccess || verification.isError || token === '') && (
        <p className="text-std-16N-170">
          <TextLink to="/login">{t('common.goToLogin')}</TextLink>
        </p>
      )}
    </NarrowPage>
  );
}
