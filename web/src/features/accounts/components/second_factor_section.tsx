import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { CURRENT_USER_QUERY_KEY } from '../../../shared/session/use_session';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { DescriptionList } from '../../../shared/ui/description_list';
import { FieldError } from '../../../shared/ui/field_parts';
import { TextLink } from '../../../shared/ui/text_link';
import { useStartSecondFactorEnrolment, type SecondFactorEnrolment as Enrolment } from '../api/second_factor_api';
import { useAccountsTranslation } from '../i18n/accounts_i18n';
import { SecondFactorDisableForm } from './second_factor_disable_form';
import { SecondFactorEnrolment } from './second_factor_enrolment';

/** What just changed, to confirm it in words. */
type Outcome = 'enabled' | 'disabled' | null;

/** The server's 409 when a factor is already on (set up in another tab, say). */
const ALREADY_ENABLED = 'second_factor_enabled';

/**
 * The user's second factor: whether it is on (and required), setting it up
 * with the app, and turning it off where the role allows that.
 */
export function SecondFactorSection({ user }: { user: SessionUser }) {
  const { t } = useAccountsTranslation();
  const { t: tShared } = useTranslation();
  const text = useMessageText();
  const queryClient = useQueryClient();
  const start = useStartSecondFactorEnrolment();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const outcomeAlert = useRef<HTMLDivElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const { enabled, required } = user.second_factor ?? { enabled: false, required: false };

  useEffect(() => {
    if (outcome !== null) {
      outcomeAlert.current?.focus();
    }
  }, [outcome]);

  function startEnrolment(): void {
    if (start.isPending) {
      return;
    }
    setOutcome(null);
    start.mutate(undefined, {
      onSuccess: setEnrolment,
      onError: (error) => {
        // The page's status is out of date: read it again.
        if (error instanceof ApiError && error.code === ALREADY_ENABLED) {
          void queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY });
        }
      },
    });
  }

  function cancelEnrolment(): void {
    setEnrolment(null);
    // The start button comes back on the next render; focus it then.
    requestAnimationFrame(() => startButton.current?.focus());
  }

  return (
    <div className="flex flex-col gap-6">
      {outcome !== null && (
        <Alert kind="success" ref={outcomeAlert}>
          <p>{outcome === 'enabled' ? t('secondFactor.enrolment.done') : t('secondFactor.disable.done')}</p>
          {outcome === 'enabled' && (
            <p className="mt-2">
              <TextLink to="/">{tShared('common.backToHome')}</TextLink>
            </p>
          )}
        </Alert>
      )}
      <p className="text-std-16N-170 text-solid-gray-800">{t('secondFactor.explanation')}</p>
      <DescriptionList
        items={[
          {
            label: t('secondFactor.statusLabel'),
            value: (
              <span className="flex flex-wrap items-center gap-3">
                <span className="font-700">{enabled ? t('secondFactor.enabled') : t('secondFactor.disabled')}</span>
                {required && <Badge kind="info">{t('secondFactor.required')}</Badge>}
              </span>
            ),
          },
        ]}
      />
      {!enabled && enrolment === null && (
        <div className="flex flex-col gap-3">
          <div>
            <Button ref={startButton} busy={start.isPending} onClick={startEnrolment} className="w-full desktop:w-auto">
              {start.isPending ? t('secondFactor.starting') : t('secondFactor.start')}
            </Button>
          </div>
          {start.isError && <FieldError id="second-factor-start-error" error={text(messageForError(start.error))} />}
        </div>
      )}
      {!enabled && enrolment !== null && (
        <SecondFactorEnrolment
          enrolment={enrolment}
          onEnabled={() => {
            setEnrolment(null);
            setOutcome('enabled');
          }}
          onCancel={cancelEnrolment}
        />
      )}
      {enabled && <p className="text-std-16N-170 text-solid-gray-800">{t('secondFactor.lostPhone')}</p>}
      {enabled && !required && <SecondFactorDisableForm onDisabled={() => setOutcome('disabled')} />}
    </div>
  );
}
