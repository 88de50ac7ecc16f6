import { useState, type FormEvent } from 'react';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { ConfirmDialog } from '../../../shared/ui/confirm_dialog';
import { DataTable } from '../../../shared/ui/data_table';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { TextLink } from '../../../shared/ui/text_link';
import { ErrorList } from '../components/error_list';
import { useConfirmRound, useLatestPreview, useSaveMinutes, type PlacementRound, type RoundResultRow } from '../api/placement_rounds_api';
import { RoundFrame } from '../components/round_frame';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

function ConfirmForm({ round }: { round: PlacementRound }) {
  const { t } = usePlacementRoundsTranslation();
  const latest = useLatestPreview(round.id);
  const confirm = useConfirmRound(round.id);
  const [meetingOn, setMeetingOn] = useState(round.meeting_on ?? '');
  const [minutes, setMinutes] = useState(round.minutes ?? '');
  const [asking, setAsking] = useState(false);
  const preview = latest.data?.preview ?? null;
  const ready = preview !== null && preview.current;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) setAsking(true);
  }

  return (
    <section aria-labelledby="confirm-heading" className="flex flex-col gap-4">
      <SectionHeading id="confirm-heading">{t('confirm.heading')}</SectionHeading>
      <p className="text-std-16N-170 text-solid-gray-800">{t('confirm.lead')}</p>
      {!ready && latest.data !== undefined && (
        <Alert kind="info">
          <p>
            {t('confirm.needPreview')} <TextLink to={`/career/rounds/${encodeURIComponent(round.id)}/preview`}>{t('round.tabPreview')}</TextLink>
          </p>
        </Alert>
      )}
      {ready && <p className="text-std-20B-150">{t('preview.totals', { doctors: preview.doctors_total, placed: preview.placed, seats: preview.seats })}</p>}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {confirm.isError && <ErrorList error={confirm.error} />}
        <div className="desktop:max-w-xs">
          <TextField label={t('confirm.meetingOn')} name="meeting_on" type="date" value={meetingOn} onValueChange={setMeetingOn} />
        </div>
        <TextAreaField label={t('confirm.minutes')} name="minutes" value={minutes} onValueChange={setMinutes} hint={t('confirm.minutesHint')} rows={6} />
        <div>
          <Button type="submit" disabled={!ready} busy={confirm.isPending}>
            {confirm.isPending ? t('confirm.confirming') : t('confirm.submit')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={asking}
        title={t('confirm.dialogTitle')}
        confirmLabel={t('confirm.dialogConfirm')}
        cancelLabel={t('confirm.dialogCancel')}
        busy={confirm.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          if (preview === null || confirm.isPending) return;
          confirm.mutate(
            { preview_id: preview.id, ...(meetingOn !== '' ? { meeting_on: meetingOn } : {}), ...(minutes.trim() !== '' ? { minutes } : {}) },
            { onSettled: () => setAsking(false) },
          );
        }}
      >
        <p>{t('confirm.dialogBody', { placed: preview?.placed ?? 0 })}</p>
      </ConfirmDialog>
    </section>
  );
}

function Minutes({ round }: { round: PlacementRound }) {
  const { t } = usePlacementRoundsTranslation();
  const save = useSaveMinutes(round.id);
  const [meetingOn, setMeetingOn] = useState(round.meeting_on ?? '');
  const [minutes, setMinutes] = useState(round.minutes ?? '');
  const [saved, setSaved] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate({ meeting_on: meetingOn === '' ? null : meetingOn, minutes }, { onSuccess: () => setSaved(true) });
  }
  return (
    <section aria-labelledby="minutes-heading" className="flex flex-col gap-4">
      <SectionHeading id="minutes-heading">{t('confirm.minutesHeading')}</SectionHeading>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {save.isError && <ErrorList error={save.error} />}
        {saved && (
          <Alert kind="success">
            <p>{t('confirm.minutesSaved')}</p>
          </Alert>
        )}
        <div className="desktop:max-w-xs">
          <TextField label={t('confirm.meetingOn')} name="meeting_on" type="date" value={meetingOn} onValueChange={setMeetingOn} />
        </div>
        <TextAreaField label={t('confirm.minutes')} name="minutes" value={minutes} onValueChange={setMinutes} rows={6} />
        <SubmitButton busy={save.isPending} label={t('confirm.saveMinutes')} busyLabel={t('confirm.savingMinutes')} />
      </form>
    </section>
  );
}

function Result({ round }: { round: PlacementRound }) {
  const { t } = usePlacementRoundsTranslation();
  const result = round.result;
  if (result === null) return null;
  const none = t('confirm.none');
  return (
    <section aria-labelledby="result-heading" className="flex flex-col gap-4">
      <Alert kind="success">
        <p>{t('confirm.done')}</p>
      </Alert>
      <SectionHeading id="result-heading">{t('confirm.resultHeading')}</SectionHeading>
      <DataTable<RoundResultRow>
        caption={t('confirm.placedCaption')}
        rowKey={(r) => r.doctor_id}
        rows={result.placed}
        columns={[
          { header: t('confirm.colDoctor'), cell: (r) => r.name },
          { header: t('confirm.colPosition'), cell: (r) => `${r.position_name ?? ''}（${r.area_name ?? ''}）` },
          {
            header: t('confirm.colPlan'),
            cell: (r) =>
              r.plan !== null && r.plan !== undefined ? (
                <TextLink to={`/career/doctors/${encodeURIComponent(r.doctor_id)}`}>
                  {t('confirm.plan', { version: r.plan.version, state: r.plan.state_label })}
                  {r.plan.violations > 0 && t('confirm.planViolations', { count: r.plan.violations })}
                </TextLink>
              ) : (
                (r.plan_message ?? '')
              ),
          },
          { header: t('confirm.colMail'), cell: (r) => (r.mailed ? t('confirm.mailed') : t('confirm.notMailed')) },
        ]}
      />
      <h3 className="text-std-17B-170">{t('confirm.unmatchedHeading')}</h3>
      {result.unmatched.length === 0 ? (
        <p className="text-std-16N-170">{none}</p>
      ) : (
        <ul className="list-disc pl-6 text-std-16N-170">
          {result.unmatched.map((r) => (
            <li key={r.doctor_id}>
              <TextLink to={`/career/doctors/${encodeURIComponent(r.doctor_id)}`}>{r.name}</TextLink>（{r.mailed ? t('confirm.mailed') : t('confirm.notMailed')}）
            </li>
          ))}
        </ul>
      )}
      <h3 className="text-std-17B-170">{t('confirm.unfilledHeading')}</h3>
      {result.unfilled.length === 0 ? (
        <p className="text-std-16N-170">{none}</p>
      ) : (
        <ul className="list-disc pl-6 text-std-16N-170">
          {result.unfilled.map((u) => (
            <li key={u.position_id}>{t('preview.unfilledLine', { name: u.name, seats: u.seats, capacity: u.capacity, target: u.target, filled: u.filled })}</li>
          ))}
        </ul>
      )}
      <p className="text-std-16N-170">{t('confirm.notified', { names: result.facilities_notified.join('、') || none })}</p>
      <p className="text-std-16N-170">{t('confirm.withoutAccount', { names: result.facilities_without_account.join('、') || none })}</p>
    </section>
  );
}

/** Step 4 of a round: confirm the newest preview with the meeting's minutes; then the result and the follow-up. */
export function RoundConfirmPage() {
  return (
    <RoundFrame tab="confirm">
      {(round) =>
        round.state === 'open' ? (
          <ConfirmForm round={round} />
        ) : (
          <div className="flex flex-col gap-10">
            <Result round={round} />
            <Minutes round={round} />
          </div>
        )
      }
    </RoundFrame>
  );
}
