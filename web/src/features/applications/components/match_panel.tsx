import { useId, useState } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText, type Message } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { useEstablishMatch, type Application } from '../api/applications_api';
import { useApplicationsTranslation } from '../i18n/applications_i18n';

/**
 * 「マッチングを成立させる」 for coordinators and the secretariat. Because it
 * discloses both sides' personal details for good, the button first opens a
 * confirmation that says exactly what will be disclosed to whom.
 */
export function MatchPanel({ application, onDone }: { application: Application; onDone: (message: string) => void }) {
  const { t } = useApplicationsTranslation();
  const text = useMessageText();
  const establish = useEstablishMatch(application.id);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const panelId = useId();
  const titleId = useId();

  async function confirm(): Promise<void> {
    setError(null);
    try {
      await establish.mutateAsync();
      setConfirming(false);
      onDone(t('match.done'));
    } catch (caught) {
      setError(messageForError(caught));
    }
  }

  if (application.matched) {
    return <p className="text-std-16N-170 text-solid-gray-800">{t('match.already')}</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170 text-solid-gray-800">{t('match.lead')}</p>
      {error !== null && (
        <Alert kind="error">
          <p>{text(error)}</p>
        </Alert>
      )}
      <div>
        <Button aria-expanded={confirming} aria-controls={panelId} onClick={() => setConfirming(true)} className="w-full desktop:w-auto">
          {t('match.button')}
        </Button>
      </div>
      <div id={panelId} hidden={!confirming}>
        {confirming && (
          <section aria-labelledby={titleId} className="flex flex-col gap-3 rounded-8 border-2 border-blue-900 bg-blue-50 p-4 desktop:p-6">
            <h3 id={titleId} className="text-std-20B-150 text-solid-gray-900">
              {t('match.confirmTitle')}
            </h3>
            <p className="text-std-16N-170 text-solid-gray-900">{t('match.confirmText')}</p>
            <div className="flex flex-col gap-3 desktop:flex-row">
              <Button busy={establish.isPending} onClick={() => void confirm()}>
                {t('match.confirm')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('match.cancel')}
              </Button>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
