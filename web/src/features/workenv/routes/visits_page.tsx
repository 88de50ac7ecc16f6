import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { TextLink } from '../../../shared/ui/text_link';
import { useCreateVisit, useGrid, useUpdateVisit, useVisits, type Visit } from '../api/workenv_api';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** Visits: planning one (attendees: adviser, prefecture staff …) and recording the report on each. */
export function VisitsPage() {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  useDocumentTitle(t('visits.title'));
  const visits = useVisits();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('visits.title')}</PageHeading>
        <WorkenvNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('visits.lead')}</p>
      </div>
      <NewVisitForm />
      {visits.isPending && <LoadingIndicator />}
      {visits.isError && (
        <Alert kind="error">
          <p>{text(messageForError(visits.error))}</p>
        </Alert>
      )}
      {visits.data !== undefined && (
        <section aria-labelledby="visit-list" className="flex flex-col gap-4">
          <SectionHeading id="visit-list">{t('visits.caption')}</SectionHeading>
          {visits.data.items.length === 0 ? (
            <p className="text-std-16N-170">{t('visits.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {visits.data.items.map((v) => (
                <li key={v.id}>
                  <VisitCard visit={v} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function NewVisitForm() {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const [params] = useSearchParams();
  const grid = useGrid();
  const create = useCreateVisit();
  const [hospital, setHospital] = useState(params.get('hospital') ?? '');
  const [date, setDate] = useState('');
  const [attendees, setAttendees] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    try {
      const caseId = params.get('case');
      await create.mutateAsync({ hospital_id: hospital, planned_date: date, attendees: lines(attendees), ...(caseId ? { case_id: caseId } : {}) });
      setErrors({});
      setDate('');
      setAttendees('');
      setResult({ kind: 'success', text: t('visits.created') });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setResult({ kind: 'error', text: text(messageForError(error)) });
    }
  }
  return (
    <section aria-labelledby="visit-new" className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8">
      <SectionHeading id="visit-new">{t('visits.new')}</SectionHeading>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
        <SelectField
          label={t('visits.hospital')}
          name="hospital_id"
          value={hospital}
          options={(grid.data?.items ?? []).map((row) => ({ value: row.hospital.id, label: row.hospital.name }))}
          onValueChange={setHospital}
          error={errors.hospital_id}
          required
        />
        <TextField label={t('visits.date')} name="planned_date" type="date" value={date} onValueChange={setDate} error={errors.planned_date} required />
        <TextAreaField label={t('visits.attendees')} name="attendees" value={attendees} onValueChange={setAttendees} error={errors.attendees} rows={3} required />
        {result !== null && (
          <Alert kind={result.kind}>
            <p>{result.text}</p>
          </Alert>
        )}
        <SubmitButton busy={create.isPending} label={t('visits.create')} busyLabel={t('visits.create')} />
      </form>
    </section>
  );
}

function VisitCard({ visit }: { visit: Visit }) {
  const { t, language } = useWorkenvTranslation();
  const text = useMessageText();
  const update = useUpdateVisit(visit.id);
  const [report, setReport] = useState(visit.report ?? '');
  const [next, setNext] = useState(visit.next_steps ?? '');
  const [attendees, setAttendees] = useState(visit.attendees.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  async function save(status: string) {
    setResult(null);
    try {
      await update.mutateAsync({ status, report, next_steps: next, attendees: lines(attendees) });
      setErrors({});
      setResult({ kind: 'success', text: t('visits.saved') });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setResult({ kind: 'error', text: text(messageForError(error)) });
    }
  }
  const headingId = `visit-${visit.id}`;
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-std-18B-160">
        <span>{formatDate(visit.planned_date, language)}</span>
        <TextLink to={`/workenv/hospitals/${visit.hospital.id}`}>{visit.hospital.name}</TextLink>
        <Badge kind={visit.status === 'done' ? 'success' : visit.status === 'cancelled' ? 'muted' : 'info'}>{visit.status_label}</Badge>
        {visit.follow_up && <Badge kind="neutral">{t('visits.followUp')}</Badge>}
      </h3>
      {visit.status === 'done' || visit.status === 'cancelled' ? (
        <div className="flex flex-col gap-1 text-std-16N-170">
          <p>{visit.attendees.join('、')}</p>
          {visit.report !== null && <p className="whitespace-pre-wrap">{visit.report}</p>}
          {visit.next_steps !== null && (
            <p>
              {t('visits.nextSteps')}：{visit.next_steps}
            </p>
          )}
        </div>
      ) : (
        <details className="flex flex-col gap-3">
          <summary className="cursor-pointer text-std-16N-170 text-blue-1000 underline">{t('visits.recordReport')}</summary>
          <div className="mt-3 flex flex-col gap-4">
            <TextAreaField label={t('visits.attendees')} name={`attendees-${visit.id}`} value={attendees} onValueChange={setAttendees} error={errors.attendees} rows={2} />
            <TextAreaField label={t('visits.report')} name={`report-${visit.id}`} value={report} onValueChange={setReport} error={errors.report} rows={4} />
            <TextAreaField label={t('visits.nextSteps')} name={`next-${visit.id}`} value={next} onValueChange={setNext} error={errors.next_steps} rows={2} />
            <div className="flex flex-wrap gap-3">
              <Button busy={update.isPending} onClick={() => void save('done')}>
                {t('visits.markDone')}
              </Button>
              {visit.status === 'proposed' && (
                <Button variant="secondary" busy={update.isPending} onClick={() => void save('planned')}>
                  {t('visits.confirm')}
                </Button>
              )}
              <Button variant="text" busy={update.isPending} onClick={() => void save('cancelled')}>
                {t('visits.cancel')}
              </Button>
            </div>
          </div>
        </details>
      )}
      {result !== null && (
        <Alert kind={result.kind}>
          <p>{result.text}</p>
        </Alert>
      )}
    </article>
  );
}
