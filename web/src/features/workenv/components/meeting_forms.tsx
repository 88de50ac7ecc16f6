import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { CheckboxGroup } from '../../../shared/ui/choice_group';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useCreateMeeting, useCreateSeries, useMembers, type Series } from '../api/meetings_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

export const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** A count of days as typed: a number when it is one, nothing when empty (the default, or unchanged), else the text
 * as it is, so the server's message names the field. */
export const dayCount = (s: string): number | string | undefined => (s.trim() === '' ? undefined : /^\s*\d+\s*$/.test(s) ? Number(s) : s);

/** A new meeting: series, date, place, the network's participants (who confirm the minutes), the agenda (one item a line). */
export function NewMeetingForm({ series }: { series: readonly Series[] }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const navigate = useNavigate();
  const members = useMembers();
  const create = useCreateMeeting();
  const [seriesId, setSeriesId] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [participants, setParticipants] = useState<string[]>([]);
  const [agenda, setAgenda] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const people = (members.data?.items ?? []).flatMap((org) =>
    org.people.map((p) => ({ value: p.id, label: `${p.name}（${org.name}・${org.kind_label}）` })),
  );
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    try {
      const made = await create.mutateAsync({
        series_id: seriesId,
        held_on: heldOn,
        place,
        participant_ids: participants,
        items: lines(agenda).map((title) => ({ title })),
      });
      await navigate(`/workenv/meetings/${made.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setFailure(text(messageForError(error)));
    }
  }
  return (
    <section aria-labelledby="meeting-new" className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8">
      <SectionHeading id="meeting-new">{t('meetings.newMeeting')}</SectionHeading>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
        <SelectField
          label={t('meetings.seriesColumn')}
          name="series_id"
          value={seriesId}
          options={series.map((s) => ({ value: s.id, label: s.title }))}
          onValueChange={setSeriesId}
          error={errors.series_id}
          required
        />
        <TextField label={t('meetings.heldOn')} name="held_on" type="date" value={heldOn} onValueChange={setHeldOn} error={errors.held_on} required />
        <TextField label={t('meetings.place')} name="place" value={place} onValueChange={setPlace} error={errors.place} required />
        <CheckboxGroup
          legend={t('meetings.participants')}
          name="participant_ids"
          choices={people}
          values={participants}
          onValuesChange={setParticipants}
          hint={t('meetings.participantsHint')}
          error={errors.participant_ids}
        />
        <TextAreaField label={t('meetings.agenda')} name="items" value={agenda} onValueChange={setAgenda} hint={t('meetings.agendaHint')} error={errors.items} rows={4} />
        {failure !== null && (
          <Alert kind="error">
            <p>{failure}</p>
          </Alert>
        )}
        <SubmitButton busy={create.isPending} label={t('meetings.create')} busyLabel={t('meetings.create')} />
      </form>
    </section>
  );
}

/** A new series: 運営協議会 or 実務者連絡調整会議, the labour bureau's address, the days to send the minutes, invited bodies. */
export function NewSeriesForm() {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const create = useCreateSeries();
  const [kind, setKind] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const [days, setDays] = useState('14');
  const [invited, setInvited] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    try {
      await create.mutateAsync({ kind, title, bureau_email: email, minutes_due_days: dayCount(days), invited: lines(invited) });
      setErrors({});
      setTitle('');
      setResult({ kind: 'success', text: t('meetings.seriesCreated') });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setResult({ kind: 'error', text: text(messageForError(error)) });
    }
  }
  return (
    <section aria-labelledby="series-new" className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8">
      <SectionHeading id="series-new">{t('meetings.newSeries')}</SectionHeading>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
        <SelectField
          label={t('meetings.kind')}
          name="kind"
          value={kind}
          options={[
            { value: 'council', label: t('meetings.kinds.council') },
            { value: 'liaison', label: t('meetings.kinds.liaison') },
          ]}
          onValueChange={setKind}
          error={errors.kind}
          required
        />
        <TextField label={t('meetings.seriesTitle')} name="title" value={title} onValueChange={setTitle} error={errors.title} />
        <TextField label={t('meetings.bureauEmailLabel')} name="bureau_email" type="email" value={email} onValueChange={setEmail} error={errors.bureau_email} required />
        <TextField label={t('meetings.dueDays')} name="minutes_due_days" inputMode="numeric" value={days} onValueChange={setDays} error={errors.minutes_due_days} hint={t('meetings.dueDaysHint')} />
        <TextAreaField label={t('meetings.invited')} name="invited" value={invited} onValueChange={setInvited} hint={t('meetings.invitedHint')} error={errors.invited} rows={3} />
        {result !== null && (
          <Alert kind={result.kind}>
            <p>{result.text}</p>
          </Alert>
        )}
        <SubmitButton busy={create.isPending} label={t('meetings.createSeries')} busyLabel={t('meetings.createSeries')} />
      </form>
    </section>
  );
}
