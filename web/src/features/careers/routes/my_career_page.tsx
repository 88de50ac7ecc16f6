import { useState, type FormEvent, type ReactNode } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { DataTable } from '../../../shared/ui/data_table';
import { DescriptionList } from '../../../shared/ui/description_list';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import {
  useConfirmMyPlan,
  useMyCareer,
  useMyCareerRecord,
  useRequestChange,
  type CareerAssignment,
  type CareerDeadline,
  type MyCareerRecord,
} from '../api/careers_api';
import { ErrorList } from '../components/error_list';
import { LedgerTables } from '../components/ledger_view';
import { useCareersTranslation } from '../i18n/careers_i18n';
import { formatMonth } from '../plan_values';

function ConfirmPlan({ record }: { record: MyCareerRecord }) {
  const { t } = useCareersTranslation();
  const confirm = useConfirmMyPlan(record.id);
  const plan = record.plan;
  if (plan === null) return null;
  if (plan.state === 'confirmation')
    return (
      <section aria-labelledby="my-confirm" className="flex flex-col gap-4 rounded-12 border-2 border-blue-900 bg-blue-50 p-5 desktop:p-8">
        <SectionHeading id="my-confirm">{t('mine.confirmHeading')}</SectionHeading>
        <p className="text-std-16N-170">{t('mine.confirmLead')}</p>
        {confirm.isError && <ErrorList error={confirm.error} />}
        <div>
          <Button busy={confirm.isPending} onClick={() => confirm.mutate(plan.version)}>
            {t('mine.confirm')}
          </Button>
        </div>
      </section>
    );
  if (plan.state === 'confirmed')
    return (
      <Alert kind="success">
        <p>{t('mine.confirmed')}</p>
      </Alert>
    );
  return null;
}

function RequestChange({ record }: { record: MyCareerRecord }) {
  const { t, language } = useCareersTranslation();
  const send = useRequestChange(record.id);
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    send.mutate(body, {
      onSuccess: () => {
        setBody('');
        setSent(true);
      },
    });
  }
  return (
    <section aria-labelledby="my-requests" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
      <SectionHeading id="my-requests">{t('mine.requestHeading')}</SectionHeading>
      <p className="text-std-16N-170 text-solid-gray-800">{t('mine.requestLead')}</p>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {send.isError && <ErrorList error={send.error} />}
        {sent && (
          <Alert kind="success">
            <p>{t('mine.requestSent')}</p>
          </Alert>
        )}
        <TextAreaField label={t('mine.requestBody')} name="change_request" value={body} onValueChange={setBody} rows={4} required />
        <div>
          <SubmitButton busy={send.isPending} label={t('mine.requestSend')} busyLabel={t('mine.requestSending')} />
        </div>
      </form>
      {record.change_requests.length > 0 && (
        <ul className="flex flex-col gap-3 text-std-16N-170">
          {record.change_requests.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
              <p className="text-std-16B-170">
                {formatDateTime(r.created_at, language)} {r.handled ? t('requests.handledBadge') : t('requests.openBadge')}
              </p>
              <FreeText text={r.body} />
              {r.handled && (
                <p className="text-solid-gray-800">
                  {t('requests.handledBy', { name: r.handled_by ?? '', date: formatDateTime(r.handled_at ?? '', language) })}
                  {r.reply !== null && <span className="block whitespace-pre-wrap">{r.reply}</span>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Record({ id }: { id: string }) {
  const { t, language } = useCareersTranslation();
  const text = useMessageText();
  const record = useMyCareerRecord(id);
  if (record.isPending) return <LoadingIndicator />;
  if (record.isError)
    return (
      <Alert kind="error">
        <p>{text(messageForError(record.error))}</p>
      </Alert>
    );
  const r = record.data;
  const deadlineDate = (d: CareerDeadline) => (d.kind === 'confirmation' ? t('mine.now') : d.kind === 'certificate' ? formatDate(d.date, language) : formatMonth(d.date, language));
  return (
    <div className="flex flex-col gap-8">
      <ConfirmPlan record={r} />
      <section aria-labelledby="my-record" className="flex flex-col gap-4">
        <SectionHeading id="my-record">{t('mine.record', { prefecture: r.prefecture_name })}</SectionHeading>
        <DescriptionList
          items={[
            { label: t('mine.name'), value: r.name },
            { label: t('doctors.kind'), value: r.kind_label },
            { label: t('doctors.university'), value: `${r.university}（${r.graduation_year}）` },
            { label: t('doctors.status'), value: r.status_label },
            { label: t('doctor.obligationStart'), value: formatMonth(r.obligation_start, language) },
            { label: t('doctor.programme'), value: r.programme === null ? null : `${r.programme.name}（${t('programmes.version', { version: r.programme.version })}）` },
          ]}
        />
      </section>
      <section aria-labelledby="my-deadlines" className="flex flex-col gap-4">
        <SectionHeading id="my-deadlines">{t('mine.deadlines')}</SectionHeading>
        <DataTable
          caption={t('mine.deadlinesCaption')}
          rows={r.deadlines}
          rowKey={(d: CareerDeadline) => `${d.kind}-${d.label}`}
          columns={[
            { header: t('mine.deadlineWhat'), cell: (d: CareerDeadline) => d.label },
            { header: t('mine.deadlineWhen'), cell: deadlineDate },
          ]}
        />
      </section>
      <section aria-labelledby="my-plan" className="flex flex-col gap-4">
        <SectionHeading id="my-plan">{t('plan.heading')}</SectionHeading>
        {r.plan === null ? (
          <p className="text-std-16N-170">{t('mine.noPlan')}</p>
        ) : (
          <>
            <p className="text-std-16B-170">{t('plan.state', { state: r.plan.state_label, version: r.plan.version })}</p>
            <DataTable
              caption={t('mine.planCaption')}
              rows={r.plan.assignments}
              rowKey={(a: CareerAssignment) => a.id ?? `${a.start}-${a.kind}`}
              columns={[
                { header: t('ledger.period'), cell: (a: CareerAssignment) => `${formatDate(a.start, language)}〜${formatDate(a.end, language)}` },
                { header: t('ledger.kindColumn'), cell: (a: CareerAssignment) => t(`plan.kinds.${a.kind}` as 'plan.kinds.work') },
                {
                  header: t('ledger.facilityColumn'),
                  cell: (a: CareerAssignment) =>
                    a.kind === 'interruption' ? t(`plan.reasons.${a.interruption_reason ?? 'other'}` as 'plan.reasons.other') : a.facility_name,
                },
                { header: t('ledger.noteColumn'), cell: (a: CareerAssignment) => (a.actual ? t('ledger.actual') : t('ledger.planned')) },
              ]}
            />
          </>
        )}
      </section>
      {r.ledger !== null && (
        <section aria-labelledby="my-ledger" className="flex flex-col gap-4">
          <SectionHeading id="my-ledger">{t('ledger.heading')}</SectionHeading>
          <LedgerTables ledger={r.ledger} />
        </section>
      )}
      <RequestChange record={r} />
    </div>
  );
}

/** 「私のキャリアプラン」: a doctor linked with their prefecture's career centre reads their own plan, ledger and
 * deadlines, confirms a plan in 本人確認 and asks the centre for changes. Read-only otherwise. `links`: what the app
 * adds under the lead (the placement rounds' link, from their own feature). */
export function MyCareerPage({ links }: { links?: ReactNode } = {}) {
  const { t } = useCareersTranslation();
  useDocumentTitle(t('mine.title'));
  const text = useMessageText();
  const mine = useMyCareer();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('mine.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('mine.lead')}</p>
        {links}
      </div>
      {mine.isPending && <LoadingIndicator />}
      {mine.isError && (
        <Alert kind="error">
          <p>{text(messageForError(mine.error))}</p>
        </Alert>
      )}
      {mine.data?.items.length === 0 && (
        <Alert kind="info">
          <p>{t('mine.notLinked')}</p>
        </Alert>
      )}
      {mine.data?.items.map((item) => (
        <Record key={item.id} id={item.id} />
      ))}
    </div>
  );
}
