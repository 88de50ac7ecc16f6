import { useId, useState } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { ApiError } from '../../../shared/api/api_error';
import { useMessageText, type Message } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { useMoveApplication, type Application } from '../api/applications_api';
import { useApplicationsTranslation } from '../i18n/applications_i18n';
import { allowedMoves, isClosedStage, needsConfirmation, type ConfirmedStage, type Stage } from '../stages';
import { useApplicationLabels } from '../use_application_labels';

/** 辞退 and 取下げ both end the application; each button says in one line what it means. */
function stageHint(stage: Stage): 'declined' | 'withdrawn' | null {
  return stage === 'declined' || stage === 'withdrawn' ? stage : null;
}

/**
 * The next stages this user may choose. A move that ends the application (or
 * hires) is confirmed first. The server judges every move; when it refuses,
 * its message is shown as it wrote it.
 */
export function StageMoves({ application, role, onDone }: { application: Application; role: string; onDone: (message: string) => void }) {
  const { t } = useApplicationsTranslation();
  const text = useMessageText();
  const labels = useApplicationLabels();
  const move = useMoveApplication(application.id);
  const [confirming, setConfirming] = useState<ConfirmedStage | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const moves = allowedMoves(application.stage, role);
  const baseId = useId();

  async function send(stage: Stage): Promise<void> {
    setError(null);
    try {
      const moved = await move.mutateAsync(stage);
      setConfirming(null);
      onDone(t('moves.done', { stage: labels.stage(moved.stage, moved.stage_name) }));
    } catch (caught) {
      setConfirming(null);
      // A refused move names the two stages in the field message; that is the one to show.
      const fieldMessage = caught instanceof ApiError ? caught.fields.stage : undefined;
      setError(fieldMessage !== undefined ? { text: fieldMessage } : messageForError(caught));
    }
  }

  if (isClosedStage(application.stage)) {
    return <p className="text-std-16N-170 text-solid-gray-800">{t('moves.closed')}</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      {error !== null && (
        <Alert kind="error">
          <p>{text(error)}</p>
        </Alert>
      )}
      {moves.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-800">{t('moves.none')}</p>
      ) : (
        <div className="flex flex-col gap-4 desktop:flex-row desktop:flex-wrap desktop:items-start">
          {moves.map((stage) => {
            const hint = stageHint(stage);
            const hintId = `${baseId}-${stage}-hint`;
            return (
              <div key={stage} className="flex flex-col gap-1 desktop:max-w-[20rem]">
                <Button
                  variant={needsConfirmation(stage) ? 'secondary' : 'primary'}
                  busy={move.isPending}
                  aria-expanded={needsConfirmation(stage) ? confirming === stage : undefined}
                  aria-describedby={hint === null ? undefined : hintId}
                  onClick={() => {
                    if (move.isPending) {
                      return;
                    }
                    if (needsConfirmation(stage)) {
                      setConfirming(stage);
                    } else {
                      void send(stage);
                    }
                  }}
                >
                  {t(`moves.buttons.${stage}`)}
                </Button>
                {hint !== null && (
                  <p id={hintId} className="text-std-16N-170 text-solid-gray-800">
                    {t(`moves.hints.${hint}`)}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      )}
      {confirming !== null && (
        <div role="group" aria-label={t(`moves.buttons.${confirming}`)} className="flex flex-col gap-3 rounded-8 border border-solid-gray-600 bg-white p-4">
          <p className="text-std-16N-170 text-solid-gray-900">{t(`moves.confirms.${confirming}`)}</p>
          <div className="flex flex-col gap-3 desktop:flex-row">
            <Button busy={move.isPending} onClick={() => void send(confirming)}>
              {t('moves.confirm', { action: t(`moves.buttons.${confirming}`) })}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('moves.cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
