import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { TextLink } from '../../../shared/ui/text_link';
import { useHospital, useHours, useMyHospital, useSetPriority, type HospitalPage as Page } from '../api/workenv_api';
import { HoursTable } from '../components/hours_table';
import { HoursUpload } from '../components/hours_upload';
import { LightBadge } from '../components/light_badge';
import { StateForm } from '../components/state_form';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** A hospital's page for the centre (/workenv/hospitals/:id). */
export function WorkenvHospitalPage() {
  const { id = '' } = useParams();
  const hospital = useHospital(id);
  return <HospitalView query={hospital} />;
}

/** The facility's own page (/workenv/my-hospital): the same, without the centre's cases and priority. */
export function MyWorkenvHospitalPage() {
  const hospital = useMyHospital();
  return <HospitalView query={hospital} mine />;
}

function HospitalView({ query, mine = false }: { query: ReturnType<typeof useHospital>; mine?: boolean }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const page = query.data;
  useDocumentTitle(mine ? t('hospital.myTitle') : (page?.hospital.name ?? t('grid.title')));
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        {!mine && page?.viewer === 'centre' && <WorkenvNav />}
        <PageHeading>{mine ? t('hospital.myTitle') : (page?.hospital.name ?? '')}</PageHeading>
        {mine && page !== undefined && <p className="text-std-16N-170">{page.hospital.name}</p>}
      </div>
      {query.isPending && <LoadingIndicator />}
      {query.isError && (
        <Alert kind="error">
          <p>{text(messageForError(query.error))}</p>
        </Alert>
      )}
      {page !== undefined && <HospitalBody page={page} />}
    </div>
  );
}

function HospitalBody({ page }: { page: Page }) {
  const { t, language } = useWorkenvTranslation();
  return (
    <>
      <section aria-labelledby="hospital-readiness" className="flex flex-col gap-4">
        <SectionHeading id="hospital-readiness">{t('hospital.readiness')}</SectionHeading>
        <ul className="flex flex-col gap-3">
          {page.items.map((item) => (
            <li key={item.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-std-16N-170">
              <span className="min-w-44 font-bold">{item.label}</span>
              <LightBadge light={item.light} />
              <span>{item.text}</span>
              {item.due !== null && <span>{t('grid.due', { date: formatDate(item.due, language) })}</span>}
            </li>
          ))}
        </ul>
      </section>
      {page.can_see_hours && <HoursSection hospitalId={page.hospital.id} latest={page.latest_month} />}
      {page.can_edit && (
        <section aria-labelledby="hospital-state" className="flex flex-col gap-4">
          <SectionHeading id="hospital-state">{t('hospital.state')}</SectionHeading>
          <StateForm key={JSON.stringify(page.state)} hospitalId={page.hospital.id} state={page.state} />
        </section>
      )}
      {page.viewer === 'centre' && page.priority !== undefined && <PrioritySection hospitalId={page.hospital.id} points={page.priority.points} note={page.priority.note} />}
      {page.cases !== undefined && (
        <section aria-labelledby="hospital-cases" className="flex flex-col gap-3">
          <SectionHeading id="hospital-cases">{t('hospital.cases')}</SectionHeading>
          {page.cases.length === 0 ? (
            <p className="text-std-16N-170">{t('cases.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {page.cases.map((c) => (
                <li key={c.id} className="text-std-16N-170">
                  <TextLink to={`/workenv/cases/${c.id}`}>{c.title}</TextLink>（{c.kind_label}・{c.status_label}）
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {page.visits !== undefined && (
        <section aria-labelledby="hospital-visits" className="flex flex-col gap-3">
          <SectionHeading id="hospital-visits">{t('hospital.visits')}</SectionHeading>
          {page.visits.length === 0 ? (
            <p className="text-std-16N-170">{t('visits.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {page.visits.map((v) => (
                <li key={v.id} className="text-std-16N-170">
                  {formatDate(v.planned_date, language)}（{v.status_label}）{v.report !== null ? `：${v.report}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function HoursSection({ hospitalId, latest }: { hospitalId: string; latest: string | null }) {
  const { t } = useWorkenvTranslation();
  const [month, setMonth] = useState<string | null>(latest);
  const hours = useHours(hospitalId, month);
  const data = hours.data;
  return (
    <section aria-labelledby="hospital-hours" className="flex flex-col gap-4">
      <SectionHeading id="hospital-hours">{t('hospital.hoursHeading')}</SectionHeading>
      {data !== undefined && data.months.length > 0 && (
        <SelectField
          label={t('hospital.monthLabel')}
          name="month"
          value={data.month ?? ''}
          options={data.months.map((m) => ({ value: m, label: m }))}
          onValueChange={setMonth}
          promptLabel={null}
        />
      )}
      {data !== undefined && data.month === null && <p className="text-std-16N-170">{t('hospital.noHours')}</p>}
      {data !== undefined && data.month !== null && data.summary !== null && (
        <>
          <p className="text-std-16N-170">
            {t('hospital.summary', {
              month: data.month,
              doctors: data.summary.doctors,
              over80: data.summary.over_80,
              gaps: data.summary.interview_gaps,
              over155: data.summary.over_155,
              over: data.summary.projected_over_cap,
            })}
          </p>
          <HoursTable caption={t('hours.caption', { month: data.month })} doctors={data.doctors} />
        </>
      )}
      <HoursUpload hospitalId={hospitalId} onUploaded={setMonth} />
    </section>
  );
}

function PrioritySection({ hospitalId, points, note }: { hospitalId: string; points: number; note: string | null }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const setPriority = useSetPriority(hospitalId);
  const [value, setValue] = useState(String(points));
  const [reason, setReason] = useState(note ?? '');
  const [errors, setErrors] = useState<{ points?: string; note?: string; other?: string }>({});
  const [saved, setSaved] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    try {
      await setPriority.mutateAsync({ points: Number(value), note: reason });
      setErrors({});
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors({ points: error.fields.points, note: error.fields.note });
      else setErrors({ other: text(messageForError(error)) });
    }
  }
  return (
    <section aria-labelledby="hospital-priority" className="flex flex-col gap-4">
      <SectionHeading id="hospital-priority">{t('hospital.priority')}</SectionHeading>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        <TextField label={t('hospital.points')} name="points" inputMode="numeric" value={value} onValueChange={setValue} error={errors.points} required />
        <TextField label={t('hospital.note')} name="note" value={reason} onValueChange={setReason} error={errors.note} />
        {errors.other !== undefined && (
          <Alert kind="error">
            <p>{errors.other}</p>
          </Alert>
        )}
        {saved && (
          <Alert kind="success">
            <p>{t('hospital.prioritySaved')}</p>
          </Alert>
        )}
        <SubmitButton busy={setPriority.isPending} label={t('hospital.setPriority')} busyLabel={t('hospital.setPriority')} />
      </form>
    </section>
  );
}
