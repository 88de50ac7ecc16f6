import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { DescriptionList } from '../../../shared/ui/description_list';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextLink } from '../../../shared/ui/text_link';
import { useCase, useUpdateCase } from '../api/workenv_api';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** One case: its facts, the activity log, moving it on (forward only) and recording progress. */
export function WorkenvCasePage() {
  const { id = '' } = useParams();
  const { t, language } = useWorkenvTranslation();
  const text = useMessageText();
  const query = useCase(id);
  const update = useUpdateCase(id);
  const c = query.data;
  useDocumentTitle(c?.title ?? t('cases.title'));
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function send(body: Record<string, unknown>) {
    setMessage(null);
    try {
      await update.mutateAsync(body);
      setMessage({ kind: 'success', text: t('cases.saved') });
      return true;
    } catch (error) {
      const fieldText = error instanceof ApiError ? Object.values(error.fields).join(' ') : '';
      setMessage({ kind: 'error', text: fieldText !== '' ? fieldText : text(messageForError(error)) });
      return false;
    }
  }
  async function addNote(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (note.trim() === '') {
      setNoteError(t('cases.noteLabel'));
      return;
    }
    setNoteError(undefined);
    if (await send({ note })) setNote('');
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <WorkenvNav />
        <p className="text-std-16N-170">
          <TextLink to="/workenv/cases">{t('cases.back')}</TextLink>
        </p>
        <PageHeading>{c?.title ?? ''}</PageHeading>
      </div>
      {query.isPending && <LoadingIndicator />}
      {query.isError && (
        <Alert kind="error">
          <p>{text(messageForError(query.error))}</p>
        </Alert>
      )}
      {c !== undefined && (
        <>
          <DescriptionList
            items={[
              { label: t('cases.hospital'), value: <TextLink to={`/workenv/hospitals/${c.hospital.id}`}>{c.hospital.name}</TextLink> },
              { label: t('cases.status'), value: c.status_label },
              { label: t('cases.kind'), value: c.kind_label },
              { label: t('cases.channel'), value: c.channel_label },
              { label: t('cases.topics'), value: c.topic_labels.join('、') || '—' },
              { label: t('cases.assignee'), value: c.assignee?.name ?? t('cases.none') },
              { label: t('cases.due'), value: c.due_date !== null ? formatDate(c.due_date, language) : '—' },
            ]}
          />
          {message !== null && (
            <Alert kind={message.kind}>
              <p>{message.text}</p>
            </Alert>
          )}
          {(c.next_statuses ?? []).length > 0 && (
            <section aria-labelledby="case-move" className="flex flex-col gap-3">
              <SectionHeading id="case-move">{t('cases.moveTo')}</SectionHeading>
              <div className="flex flex-wrap gap-3">
                {(c.next_statuses ?? []).map((s) => (
                  <Button key={s.status} variant="secondary" busy={update.isPending} onClick={() => void send({ status: s.status })}>
                    {s.label}
                  </Button>
                ))}
              </div>
              <p className="text-std-16N-170">
                <TextLink to={`/workenv/visits?hospital=${c.hospital.id}&case=${c.id}`}>{t('cases.planVisit')}</TextLink>
              </p>
            </section>
          )}
          <section aria-labelledby="case-note" className="flex flex-col gap-3">
            <SectionHeading id="case-note">{t('cases.addNote')}</SectionHeading>
            <form noValidate onSubmit={(event) => void addNote(event)} className="flex flex-col gap-4">
              <TextAreaField label={t('cases.noteLabel')} name="note" value={note} onValueChange={setNote} error={noteError} rows={3} required />
              <SubmitButton busy={update.isPending} label={t('cases.save')} busyLabel={t('cases.save')} />
            </form>
          </section>
          <section aria-labelledby="case-activity" className="flex flex-col gap-3">
            <SectionHeading id="case-activity">{t('cases.activity')}</SectionHeading>
            <ol className="flex flex-col gap-3">
              {(c.activities ?? []).map((a, i) => (
                <li key={`${a.at}-${i}`} className="flex flex-col gap-1 border-l-4 border-solid-gray-420 pl-3 text-std-16N-170">
                  <span className="text-solid-gray-700">
                    {formatDateTime(a.at, language)}
                    {a.by !== null ? `　${a.by}` : ''}
                  </span>
                  <span className="whitespace-pre-wrap">{a.body}</span>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}
