import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { useAddAction, useUpdateAction, type ActionItem, type Meeting } from '../api/meetings_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** The meeting's action items (対応事項: owner, due date) and those carried over from earlier meetings until done. */
export function ActionItems({ meeting }: { meeting: Meeting }) {
  const { t } = useWorkenvTranslation();
  return (
    <section aria-labelledby="meeting-actions" className="flex flex-col gap-4">
      <SectionHeading id="meeting-actions">{t('meeting.actions')}</SectionHeading>
      <div className="flex flex-col gap-2">
        <h3 className="text-std-18B-160">{t('meeting.carried')}</h3>
        <ActionList items={meeting.carried_actions} canManage={meeting.can_manage_actions} empty={t('meeting.noCarried')} />
      </div>
      <div className="flex flex-col gap-2">
        <h3 className="text-std-18B-160">{t('meeting.decidedHere')}</h3>
        <ActionList items={meeting.actions} canManage={meeting.can_manage_actions} empty={t('meeting.noActions')} />
      </div>
      {meeting.can_edit && <NewActionForm meetingId={meeting.id} />}
    </section>
  );
}

function ActionList({ items, canManage, empty }: { items: readonly ActionItem[]; canManage: boolean; empty: string }) {
  const { t, language } = useWorkenvTranslation();
  const text = useMessageText();
  const update = useUpdateAction();
  const [error, setError] = useState<string | null>(null);
  async function toggle(a: ActionItem) {
    setError(null);
    try {
      await update.mutateAsync({ id: a.id, status: a.status === 'open' ? 'done' : 'open' });
    } catch (e) {
      setError(text(messageForError(e)));
    }
  }
  if (items.length === 0) return <p className="text-std-16N-170">{empty}</p>;
  return (
    <>
      <ul className="flex flex-col gap-3">
        {items.map((a) => (
          <li key={a.id} className="flex flex-col gap-1 rounded-8 border border-solid-gray-420 p-3 text-std-16N-170">
            <span className="flex flex-wrap items-center gap-2">
              <Badge kind={a.status === 'done' ? 'success' : a.overdue ? 'urgent' : 'info'}>{a.overdue ? t('meeting.actionOverdue') : a.status_label}</Badge>
              <span className="font-bold">{a.title}</span>
            </span>
            <span>{t('meeting.actionFacts', { owner: a.owner, due: formatDate(a.due_date, language), decided: formatDate(a.decided_on, language) })}</span>
            {a.done_on !== null && <span>{t('meeting.doneOn', { date: formatDate(a.done_on, language) })}</span>}
            {canManage && (
              <span>
                <Button variant="secondary" busy={update.isPending} onClick={() => void toggle(a)}>
                  {a.status === 'open' ? t('meeting.markDone', { title: a.title }) : t('meeting.reopen', { title: a.title })}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {error !== null && (
        <Alert kind="error">
          <p>{error}</p>
        </Alert>
      )}
    </>
  );
}

function NewActionForm({ meetingId }: { meetingId: string }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const add = useAddAction(meetingId);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    try {
      await add.mutateAsync({ title, owner, due_date: due });
      setErrors({});
      setTitle('');
      setOwner('');
      setDue('');
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length > 0) setErrors(e.fields);
      else setFailure(text(messageForError(e)));
    }
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4 rounded-8 border border-solid-gray-200 bg-white p-4">
      <h3 className="text-std-18B-160">{t('meeting.newAction')}</h3>
      <TextField label={t('meeting.actionTitle')} name="action_title" value={title} onValueChange={setTitle} error={errors.title} required />
      <TextField label={t('meeting.actionOwner')} name="action_owner" value={owner} onValueChange={setOwner} error={errors.owner} hint={t('meeting.actionOwnerHint')} required />
      <TextField label={t('meeting.actionDue')} name="action_due" type="date" value={due} onValueChange={setDue} error={errors.due_date} required />
      {failure !== null && (
        <Alert kind="error">
          <p>{failure}</p>
        </Alert>
      )}
      <SubmitButton busy={add.isPending} label={t('meeting.addAction')} busyLabel={t('meeting.addAction')} />
    </form>
  );
}
