import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { RadioGroup } from '../../../shared/ui/choice_group';
import { DataTable } from '../../../shared/ui/data_table';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { useLockMinutes, useRequestConfirmation, useResendMinutes, useRespondMinutes, useSaveMinutes, type Meeting, type Participant } from '../api/meetings_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';
import { MinutesStatusBadge } from './minutes_status_badge';

/** A first draft from the agenda and its outcomes, for the 受託者 to start from. */
function draftFromAgenda(meeting: Meeting): string {
  return meeting.items.map((i) => `${i.position}. ${i.title}${i.outcome !== '' ? `：${i.outcome}` : ''}`).join('\n');
}

/** The minutes (議事概要): the 受託者's editor and its steps, each participant's confirmation, answering, the send log. */
export function MinutesPanel({ meeting }: { meeting: Meeting }) {
  const { t, language } = useWorkenvTranslation();
  const minutes = meeting.minutes;
  // Locking ends the editor (locked minutes have none), so its confirmation is shown here.
  const [lockedNotice, setLockedNotice] = useState(false);
  return (
    <section aria-labelledby="meeting-minutes" className="flex flex-col gap-4">
      <SectionHeading id="meeting-minutes">{t('minutes.title')}</SectionHeading>
      <p className="flex flex-wrap items-center gap-2 text-std-16N-170">
        <MinutesStatusBadge status={minutes.status} label={minutes.status_label} />
        {minutes.version > 0 && <span>{t('minutes.version', { version: minutes.version })}</span>}
        <span>{t('minutes.dueOn', { date: formatDate(minutes.due_on, language) })}</span>
        {minutes.late && <Badge kind="urgent">{t('meetings.late')}</Badge>}
      </p>
      <p className="break-all text-std-16N-170">{t('minutes.to', { email: minutes.to })}</p>
      {lockedNotice && minutes.status === 'locked' && (
        <Alert kind="success">
          <p>{t('minutes.locked')}</p>
        </Alert>
      )}
      {meeting.can_write_minutes ? (
        <MinutesEditor meeting={meeting} onLocked={() => setLockedNotice(true)} />
      ) : minutes.body !== '' ? (
        <div className="whitespace-pre-wrap rounded-8 border border-solid-gray-420 bg-white p-4 text-std-16N-170">{minutes.body}</div>
      ) : (
        <p className="text-std-16N-170">{t('minutes.notYet')}</p>
      )}
      <ConfirmationTable participants={meeting.participants} />
      {meeting.can_respond && <ResponseForm meeting={meeting} />}
      {meeting.responses.length > 0 && (
        <div className="flex flex-col gap-2">
          <h3 className="text-std-18B-160">{t('minutes.responses')}</h3>
          <ol className="flex flex-col gap-2">
            {meeting.responses.map((r, i) => (
              <li key={`${r.at}-${i}`} className="flex flex-col gap-1 border-l-4 border-solid-gray-420 pl-3 text-std-16N-170">
                <span className="text-solid-gray-700">
                  {formatDateTime(r.at, language)}　{r.by}　{t('minutes.version', { version: r.version })}
                </span>
                <span>
                  {r.label}
                  {r.comment !== '' ? `：${r.comment}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <SendLog meeting={meeting} />
    </section>
  );
}

function ConfirmationTable({ participants }: { participants: readonly Participant[] }) {
  const { t, language } = useWorkenvTranslation();
  if (participants.length === 0) return null;
  return (
    <DataTable<Participant>
      caption={t('minutes.confirmations')}
      rows={participants}
      rowKey={(p) => p.id}
      columns={[
        { header: t('minutes.participant'), cell: (p) => `${p.name}（${p.organisation}・${p.kind_label}）` },
        {
          header: t('minutes.answer'),
          cell: (p) =>
            p.response === null ? (
              <Badge kind="muted">{t('minutes.unanswered')}</Badge>
            ) : (
              <span className="flex flex-wrap items-center gap-2">
                <Badge kind={p.response.decision === 'confirmed' ? 'success' : 'info'}>{p.response.label}</Badge>
                <span>{t('minutes.version', { version: p.response.version })}</span>
                {!p.response.current && <span>{t('minutes.olderVersion')}</span>}
              </span>
            ),
        },
        { header: t('minutes.comment'), cell: (p) => (p.response !== null && p.response.comment !== '' ? p.response.comment : '—') },
        { header: t('minutes.answeredAt'), cell: (p) => (p.response !== null ? formatDateTime(p.response.at, language) : '—') },
      ]}
    />
  );
}

function MinutesEditor({ meeting, onLocked }: { meeting: Meeting; onLocked: () => void }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const save = useSaveMinutes(meeting.id);
  const request = useRequestConfirmation(meeting.id);
  const lock = useLockMinutes(meeting.id);
  const status = meeting.minutes.status;
  const [body, setBody] = useState(meeting.minutes.body !== '' ? meeting.minutes.body : draftFromAgenda(meeting));
  const [error, setError] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (meeting.minutes.body !== '') setBody(meeting.minutes.body);
  }, [meeting.minutes.body]);
  async function run(step: () => Promise<unknown>, done: string) {
    setResult(null);
    try {
      await step();
      setError(undefined);
      setResult({ kind: 'success', text: done });
    } catch (e) {
      if (e instanceof ApiError && e.fields.body !== undefined) setError(e.fields.body);
      else setResult({ kind: 'error', text: e instanceof ApiError && Object.keys(e.fields).length > 0 ? Object.values(e.fields).join(' ') : text(messageForError(e)) });
    }
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(() => save.mutateAsync({ body }), status === 'confirming' ? t('minutes.revised') : t('minutes.saved'));
  };
  const busy = save.isPending || request.isPending || lock.isPending;
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4">
      <TextAreaField label={t('minutes.body')} name="minutes_body" value={body} onValueChange={setBody} error={error} hint={t('minutes.bodyHint')} rows={10} required />
      {result !== null && (
        <Alert kind={result.kind}>
          <p>{result.text}</p>
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton busy={save.isPending} label={status === 'confirming' ? t('minutes.saveRevision') : t('minutes.saveDraft')} busyLabel={t('minutes.saving')} />
        {status === 'draft' && (
          <Button variant="secondary" busy={busy} onClick={() => void run(() => request.mutateAsync(undefined), t('minutes.requested'))}>
            {t('minutes.request')}
          </Button>
        )}
        {status === 'confirming' && (
          <Button
            variant="secondary"
            busy={busy}
            onClick={() =>
              void run(async () => {
                onLocked();
                await lock.mutateAsync(undefined);
              }, t('minutes.locked'))
            }
          >
            {t('minutes.lock')}
          </Button>
        )}
      </div>
    </form>
  );
}

function ResponseForm({ meeting }: { meeting: Meeting }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const respond = useRespondMinutes(meeting.id);
  const [decision, setDecision] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    try {
      await respond.mutateAsync({ decision: decision as 'confirmed' | 'commented', comment });
      setErrors({});
      setComment('');
      setResult({ kind: 'success', text: t('minutes.answered') });
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length > 0) setErrors(e.fields);
      else setResult({ kind: 'error', text: text(messageForError(e)) });
    }
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4 rounded-8 border border-solid-gray-200 bg-white p-4">
      <h3 className="text-std-18B-160">{t('minutes.yourAnswer', { version: meeting.minutes.version })}</h3>
      <RadioGroup
        legend={t('minutes.answer')}
        name="decision"
        value={decision}
        onValueChange={setDecision}
        choices={[
          { value: 'confirmed', label: t('minutes.confirm') },
          { value: 'commented', label: t('minutes.commentChoice') },
        ]}
        error={errors.decision}
        required
      />
      <TextAreaField label={t('minutes.comment')} name="comment" value={comment} onValueChange={setComment} error={errors.comment} rows={3} />
      {result !== null && (
        <Alert kind={result.kind}>
          <p>{result.text}</p>
        </Alert>
      )}
      <SubmitButton busy={respond.isPending} label={t('minutes.send')} busyLabel={t('minutes.send')} />
    </form>
  );
}

type Send = Meeting['sends'][number];

const SEND_BADGES: Record<Send['status'], 'success' | 'urgent' | 'muted' | 'info'> = { sent: 'success', failed: 'urgent', withdrawn: 'muted', queued: 'info' };

/** Every sending of the locked minutes with its delivery state from the mail outbox, and the 受託者's resend when
 * the last one has not been delivered (it failed, or is still waiting). */
function SendLog({ meeting }: { meeting: Meeting }) {
  const { t, language } = useWorkenvTranslation();
  // Kept here: once the resent mail is delivered the resend button goes, and its confirmation must stay.
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  if (meeting.sends.length === 0) return null;
  return (
    <div className="flex flex-col gap-4">
      <DataTable<Send>
        caption={t('minutes.sendLog')}
        rows={meeting.sends}
        rowKey={(s) => s.id}
        columns={[
          { header: t('minutes.sentAt'), cell: (s) => formatDateTime(s.at, language) },
          { header: t('minutes.sendKind'), cell: (s) => s.kind_label },
          { header: t('minutes.sentTo'), cell: (s) => <span className="break-all">{s.to}</span> },
          { header: t('minutes.sentVersion'), cell: (s) => t('minutes.version', { version: s.version }) },
          { header: t('minutes.sentBy'), cell: (s) => s.sent_by ?? '—' },
          {
            header: t('minutes.delivery'),
            cell: (s) => (
              <span className="flex flex-col gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <Badge kind={SEND_BADGES[s.status]}>{s.status_label}</Badge>
                  {s.delivered_at !== null && <span>{formatDateTime(s.delivered_at, language)}</span>}
                </span>
                {s.error !== null && <span className="break-all text-dns-14N-130 text-solid-gray-700">{t('minutes.sendError', { error: s.error })}</span>}
              </span>
            ),
          },
        ]}
      />
      {result !== null && (
        <Alert kind={result.kind}>
          <p>{result.text}</p>
        </Alert>
      )}
      {meeting.can_resend && <ResendMinutes meeting={meeting} onResult={setResult} />}
    </div>
  );
}

function ResendMinutes({ meeting, onResult }: { meeting: Meeting; onResult: (result: { kind: 'success' | 'error'; text: string } | null) => void }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const resend = useResendMinutes(meeting.id);
  const failed = meeting.sends[0]?.status === 'failed';
  async function run() {
    onResult(null);
    try {
      const after = await resend.mutateAsync(undefined);
      onResult({ kind: 'success', text: t('minutes.resent', { email: after.minutes.to }) });
    } catch (e) {
      onResult({ kind: 'error', text: text(messageForError(e)) });
    }
  }
  return (
    <div className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4">
      <p className="text-std-16N-170">{failed ? t('minutes.resendFailedLead', { email: meeting.minutes.to }) : t('minutes.resendWaitingLead', { email: meeting.minutes.to })}</p>
      <p>
        <Button variant="secondary" busy={resend.isPending} onClick={() => void run()}>
          {resend.isPending ? t('minutes.resending') : t('minutes.resend')}
        </Button>
      </p>
    </div>
  );
}
