import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { CheckboxGroup } from '../../../shared/ui/choice_group';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useMembers, useUpdateMeeting, useUpdateSeries, type Meeting, type Series } from '../api/meetings_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';
import { dayCount, lines } from './meeting_forms';

type Result = { kind: 'success' | 'error'; text: string } | null;

/** Field messages of a 400 go next to their fields; anything else (409 locked minutes, 403, network) above the buttons. */
function useSubmitter() {
  const text = useMessageText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  async function submit(step: () => Promise<unknown>): Promise<boolean> {
    setFailure(null);
    try {
      await step();
      setErrors({});
      return true;
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else {
        setErrors({});
        setFailure(text(messageForError(error)));
      }
      return false;
    }
  }
  return { errors, failure, submit };
}

/** A series' settings (種類, 名称, 労働局の送付先, 送付期限の日数, 招へい団体), opened from its card on the meetings page. */
export function SeriesSettings({ series }: { series: Series }) {
  const { t } = useWorkenvTranslation();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<Result>(null);
  return (
    <div className="flex flex-col gap-3">
      {result !== null && !open && (
        <Alert kind={result.kind}>
          <p>{result.text}</p>
        </Alert>
      )}
      {open ? (
        <SeriesSettingsForm
          series={series}
          onDone={(saved) => {
            setOpen(false);
            setResult(saved ? { kind: 'success', text: t('meetings.seriesSaved') } : null);
          }}
        />
      ) : (
        <p>
          <Button variant="secondary" onClick={() => {
              setResult(null);
              setOpen(true);
            }} aria-label={t('meetings.editSeriesOf', { title: series.title })}>
            {t('meetings.editSeries')}
          </Button>
        </p>
      )}
    </div>
  );
}

function SeriesSettingsForm({ series, onDone }: { series: Series; onDone: (saved: boolean) => void }) {
  const { t } = useWorkenvTranslation();
  const update = useUpdateSeries(series.id);
  const { errors, failure, submit } = useSubmitter();
  const [kind, setKind] = useState<string>(series.kind);
  const [title, setTitle] = useState(series.title);
  const [email, setEmail] = useState(series.bureau_email);
  const [days, setDays] = useState(String(series.minutes_due_days));
  const [invited, setInvited] = useState(series.invited.join('\n'));
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { kind, title, bureau_email: email, minutes_due_days: dayCount(days), invited: lines(invited) };
    if (await submit(() => update.mutateAsync(body))) onDone(true);
  };
  const id = `series-${series.id}`;
  return (
    <form noValidate onSubmit={(event) => void save(event)} aria-label={t('meetings.editSeriesOf', { title: series.title })} className="flex flex-col gap-4">
      <SelectField
        label={t('meetings.kind')}
        name="kind"
        id={`${id}-kind`}
        value={kind}
        options={[
          { value: 'council', label: t('meetings.kinds.council') },
          { value: 'liaison', label: t('meetings.kinds.liaison') },
        ]}
        onValueChange={setKind}
        error={errors.kind}
        required
      />
      <TextField label={t('meetings.seriesName')} name="title" id={`${id}-title`} value={title} onValueChange={setTitle} error={errors.title} />
      <TextField
        label={t('meetings.bureauEmailLabel')}
        name="bureau_email"
        id={`${id}-email`}
        type="email"
        value={email}
        onValueChange={setEmail}
        error={errors.bureau_email}
        hint={t('meetings.bureauEmailHint')}
        required
      />
      <TextField
        label={t('meetings.dueDays')}
        name="minutes_due_days"
        id={`${id}-days`}
        inputMode="numeric"
        value={days}
        onValueChange={setDays}
        error={errors.minutes_due_days}
        hint={t('meetings.dueDaysHint')}
      />
      <TextAreaField label={t('meetings.invited')} name="invited" id={`${id}-invited`} value={invited} onValueChange={setInvited} hint={t('meetings.invitedHint')} error={errors.invited} rows={3} />
      {failure !== null && (
        <Alert kind="error">
          <p>{failure}</p>
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton busy={update.isPending} label={t('meetings.saveSeries')} busyLabel={t('meetings.saveSeries')} />
        <Button variant="text" onClick={() => onDone(false)}>
          {t('meeting.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A meeting's date, place, participants and invited bodies; the organisers change them until the minutes are locked. */
export function MeetingDetailsForm({ meeting, onDone }: { meeting: Meeting; onDone: (saved: boolean) => void }) {
  const { t } = useWorkenvTranslation();
  const members = useMembers();
  const update = useUpdateMeeting(meeting.id);
  const { errors, failure, submit } = useSubmitter();
  const [heldOn, setHeldOn] = useState(meeting.held_on);
  const [place, setPlace] = useState(meeting.place);
  const [participants, setParticipants] = useState<string[]>(meeting.participants.map((p) => p.id));
  const [invited, setInvited] = useState(meeting.invited.join('\n'));
  const people = (members.data?.items ?? []).flatMap((org) =>
    org.people.map((p) => ({ value: p.id, label: `${p.name}（${org.name}・${org.kind_label}）` })),
  );
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { held_on: heldOn, place, participant_ids: participants, invited: lines(invited) };
    if (await submit(() => update.mutateAsync(body))) onDone(true);
  };
  return (
    <form noValidate onSubmit={(event) => void save(event)} aria-label={t('meeting.editDetails')} className="flex flex-col gap-5 rounded-8 border border-solid-gray-420 bg-white p-4">
      <TextField label={t('meetings.heldOn')} name="held_on" type="date" value={heldOn} onValueChange={setHeldOn} error={errors.held_on} required />
      <TextField label={t('meetings.place')} name="place" value={place} onValueChange={setPlace} error={errors.place} required />
      <CheckboxGroup
        legend={t('meetings.participants')}
        name="participant_ids"
        choices={people}
        values={participants}
        onValuesChange={setParticipants}
        hint={meeting.minutes.status === 'confirming' ? t('meeting.participantsConfirmingHint') : t('meetings.participantsHint')}
        error={errors.participant_ids}
      />
      <TextAreaField label={t('meetings.invited')} name="invited" value={invited} onValueChange={setInvited} hint={t('meetings.invitedHint')} error={errors.invited} rows={3} />
      {failure !== null && (
        <Alert kind="error">
          <p>{failure}</p>
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton busy={update.isPending} label={t('meeting.saveDetails')} busyLabel={t('meeting.saveDetails')} />
        <Button variant="text" onClick={() => onDone(false)}>
          {t('meeting.cancel')}
        </Button>
      </div>
    </form>
  );
}
