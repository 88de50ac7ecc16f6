import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { DescriptionList } from '../../../shared/ui/description_list';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { TextField } from '../../../shared/ui/text_field';
import { ledgerCsvUrl, useCareerDoctor, useChangeStatus, type CareerDoctor } from '../api/careers_api';
import { CareerNav } from '../components/career_nav';
import { ChangeRequests, DoctorAccount } from '../components/doctor_account_section';
import { ErrorList } from '../components/error_list';
import { InterviewRecords } from '../components/interview_records';
import { LedgerView } from '../components/ledger_view';
import { PlanEditor } from '../components/plan_editor';
import { RecruitRequests } from '../components/recruit_requests';
import { useCareersTranslation } from '../i18n/careers_i18n';
import { formatMonth, INTERRUPTION_REASONS } from '../plan_values';

const STATUSES = ['clinical_training', 'specialist_training', 'obligation', 'post_obligation', 'interrupted', 'withdrawn', 'completed'] as const;
const WITHDRAWAL_REASONS = ['repayment', 'career_change', 'family', 'illness', 'other'] as const;

function StatusForm({ doctor }: { doctor: CareerDoctor }) {
  const { t } = useCareersTranslation();
  const change = useChangeStatus(doctor.id);
  const [status, setStatus] = useState(doctor.status);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [consent, setConsent] = useState(false);
  const [followUp, setFollowUp] = useState('');
  const needsReason = status === 'withdrawn' || status === 'interrupted';
  const reasons =
    status === 'withdrawn'
      ? WITHDRAWAL_REASONS.map((r) => ({ value: r, label: t(`doctor.withdrawalReasons.${r}`) }))
      : INTERRUPTION_REASONS.map((r) => ({ value: r, label: t(`plan.reasons.${r}`) }));
  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ status, date, reason: needsReason ? reason : undefined, consent: needsReason ? consent : undefined, follow_up: followUp || undefined });
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {change.isError && <ErrorList error={change.error} />}
      <div className="grid gap-4 desktop:grid-cols-3">
        <SelectField label={t('doctor.newStatus')} name="status" value={status} onValueChange={setStatus} promptLabel={null}
          options={STATUSES.map((s) => ({ value: s, label: t(`doctor.statuses.${s}`) }))} />
        <TextField label={t('doctor.date')} name="date" type="date" value={date} onValueChange={setDate} required />
        {needsReason && <SelectField label={t('doctor.reason')} name="reason" value={reason} onValueChange={setReason} options={reasons} required />}
      </div>
      {needsReason && <CheckboxField label={t('doctor.consent')} name="consent" checked={consent} onCheckedChange={setConsent} />}
      <TextAreaField label={t('doctor.followUp')} name="follow_up" value={followUp} onValueChange={setFollowUp} rows={2} />
      <div>
        <SubmitButton busy={change.isPending} label={t('doctor.saveStatus')} busyLabel={t('doctor.saveStatus')} />
      </div>
    </form>
  );
}

/** One obligated doctor: the record (its read is audited), the plan with its live rule check, the ledger, the status. */
export function CareerDoctorPage({ user }: { user: SessionUser }) {
  const { t, language } = useCareersTranslation();
  const { id = '' } = useParams();
  const text = useMessageText();
  const doctor = useCareerDoctor(id);
  useDocumentTitle(doctor.data?.name ?? t('doctors.title'));
  const prefecture = user.organisations.find((o) => o.kind === 'career_center')?.prefecture ?? '';
  if (doctor.isPending) return <LoadingIndicator />;
  if (doctor.isError)
    return (
      <Alert kind="error">
        <p>{text(messageForError(doctor.error))}</p>
      </Alert>
    );
  const d = doctor.data;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{d.name}</PageHeading>
        <CareerNav />
      </div>
      <section aria-labelledby="doctor-record" className="flex flex-col gap-4">
        <SectionHeading id="doctor-record">{t('doctor.record')}</SectionHeading>
        <DescriptionList
          items={[
            { label: t('doctors.kind'), value: d.kind_label },
            { label: t('doctors.university'), value: `${d.university}（${d.graduation_year}）` },
            { label: t('doctors.status'), value: d.status_label },
            { label: t('doctor.obligationStart'), value: formatMonth(d.obligation_start, language) },
            { label: t('doctors.loanMonths'), value: t('ledger.months', { count: d.loan_months }) },
            { label: t('doctor.programme'), value: d.programme === null ? null : `${d.programme.name}（${t('programmes.version', { version: d.programme.version })}）` },
          ]}
        />
        {d.programme !== null && (
          <ul className="list-disc pl-6 text-std-16N-170">
            {d.programme.rules.map((r) => (
              <li key={r.id}>{r.description}</li>
            ))}
          </ul>
        )}
      </section>
      {d.programme === null ? (
        <Alert kind="info">
          <p>{t('doctor.noProgramme')}</p>
        </Alert>
      ) : (
        <>
          <section aria-labelledby="doctor-plan" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
            <SectionHeading id="doctor-plan">{t('plan.heading')}</SectionHeading>
            <PlanEditor doctor={d} prefecture={prefecture} />
          </section>
          <section aria-labelledby="doctor-recruit" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
            <SectionHeading id="doctor-recruit">{t('recruit.heading')}</SectionHeading>
            <RecruitRequests doctorId={d.id} defaultDepartment={d.programme.basic_area} />
          </section>
          <section aria-labelledby="doctor-ledger" className="flex flex-col gap-4">
            <SectionHeading id="doctor-ledger">{t('ledger.heading')}</SectionHeading>
            <p>
              <a className={TEXT_LINK_CLASSES} href={ledgerCsvUrl(d.id)} download>
                {t('ledger.downloadOne')}
              </a>
            </p>
            <LedgerView doctorId={d.id} />
          </section>
        </>
      )}
      <section aria-labelledby="doctor-account" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
        <SectionHeading id="doctor-account">{t('account.heading')}</SectionHeading>
        <DoctorAccount doctor={d} />
        <h3 className="text-std-18B-160">{t('requests.heading')}</h3>
        <ChangeRequests doctor={d} />
      </section>
      {d.plan_versions.length > 0 && (
        <section aria-labelledby="doctor-versions" className="flex flex-col gap-3">
          <SectionHeading id="doctor-versions">{t('plan.versions')}</SectionHeading>
          <ul className="flex flex-col gap-1 text-std-16N-170">
            {d.plan_versions.map((v) => (
              <li key={v.version}>
                {t('plan.versionEntry', { version: v.version, state: v.state_label, change: v.change })}（{v.created_by}、{formatDateTime(v.created_at, language)}）
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="doctor-interviews" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
        <SectionHeading id="doctor-interviews">{t('interviews.heading')}</SectionHeading>
        <InterviewRecords doctorId={d.id} />
      </section>
      <section aria-labelledby="doctor-status" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
        <SectionHeading id="doctor-status">{t('doctor.statusHeading')}</SectionHeading>
        <StatusForm doctor={d} />
        <h3 className="text-std-18B-160">{t('doctor.history')}</h3>
        <ul className="flex flex-col gap-2 text-std-16N-170">
          {d.status_history.map((h, i) => (
            <li key={i}>
              {t('doctor.historyEntry', { date: formatDate(h.date, language), status: h.status_label })}
              {h.reason_label !== null && `（${h.reason_label}）`} {t('doctor.by', { name: h.created_by })}
              {h.follow_up !== null && <span className="block text-solid-gray-700">{h.follow_up}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
