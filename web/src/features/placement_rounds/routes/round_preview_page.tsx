import { useState, type FormEvent } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { ErrorList } from '../components/error_list';
import { useLatestPreview, useRunPreview, useSaveCaps, type PlacementRound } from '../api/placement_rounds_api';
import { PreviewView } from '../components/preview_view';
import { RoundFrame } from '../components/round_frame';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';
import { capForApi } from '../rank_order';

/** What-if: new numbers for the caps, saved, and a preview at once — the next preview shows the difference. */
function WhatIf({ round, onPreview }: { round: PlacementRound; onPreview: () => void }) {
  const { t } = usePlacementRoundsTranslation();
  const save = useSaveCaps(round.id);
  const [caps, setCaps] = useState<string[]>(() => round.caps.map((c) => String(c.cap)));
  if (round.caps.length === 0) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      caps: round.caps.map((c, i) =>
        capForApi({ id: c.id, name: c.name, designation: c.designation ?? '', areaCodes: c.area_codes, cap: caps[i] ?? String(c.cap) }),
      ),
    };
    // mutateAsync: the preview must run even if this form is drawn again meanwhile (the round is read again).
    save.mutateAsync(body).then(onPreview, () => undefined);
  }

  return (
    <section aria-labelledby="what-if" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5">
      <SectionHeading id="what-if">{t('preview.whatIfHeading')}</SectionHeading>
      <p className="text-std-16N-170 text-solid-gray-800">{t('preview.whatIfLead')}</p>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {save.isError && <ErrorList error={save.error} />}
        <div className="grid gap-4 desktop:grid-cols-3">
          {round.caps.map((c, i) => (
            <TextField
              key={c.id}
              label={t('preview.whatIfCap', { name: c.name })}
              name={`what-if-${c.id}`}
              value={caps[i] ?? ''}
              onValueChange={(value) => setCaps((all) => all.map((x, j) => (j === i ? value : x)))}
              inputMode="numeric"
            />
          ))}
        </div>
        <SubmitButton busy={save.isPending} label={t('preview.whatIfRun')} busyLabel={t('preview.running')} />
      </form>
    </section>
  );
}

function PreviewContent({ round }: { round: PlacementRound }) {
  const { t } = usePlacementRoundsTranslation();
  const text = useMessageText();
  const latest = useLatestPreview(round.id);
  const run = useRunPreview(round.id);
  const open = round.state === 'open';
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="preview-heading" className="flex flex-col gap-4">
        <SectionHeading id="preview-heading">{t('preview.heading')}</SectionHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('preview.lead')}</p>
        {run.isError && <ErrorList error={run.error} />}
        {open && (
          <div>
            <Button busy={run.isPending} onClick={() => !run.isPending && run.mutate()}>
              {run.isPending ? t('preview.running') : t('preview.run')}
            </Button>
          </div>
        )}
      </section>
      {open && <WhatIf key={round.id} round={round} onPreview={() => run.mutate()} />}
      {latest.isPending && <LoadingIndicator />}
      {latest.isError && (
        <Alert kind="error">
          <p>{text(messageForError(latest.error))}</p>
        </Alert>
      )}
      {latest.data?.preview === null && <p className="text-std-16N-170">{t('preview.none')}</p>}
      {latest.data?.preview !== null && latest.data?.preview !== undefined && <PreviewView preview={latest.data.preview} />}
    </div>
  );
}

/** Step 3 of a round: run the engine, read every doctor's reasons, the fill against the caps, and what changed. */
export function RoundPreviewPage() {
  return <RoundFrame tab="preview">{(round) => <PreviewContent round={round} />}</RoundFrame>;
}
