import type { ReactNode } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useCareerQueue } from '../api/careers_api';
import { CareerNav } from '../components/career_nav';
import { useCareersTranslation } from '../i18n/careers_i18n';

function QueueSection({ id, heading, empty, children }: { id: string; heading: string; empty: boolean; children: ReactNode }) {
  const { t } = useCareersTranslation();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-12 border border-solid-gray-420 bg-white p-5">
      <SectionHeading id={id}>{heading}</SectionHeading>
      {empty ? <p className="text-std-16N-170 text-solid-gray-800">{t('home.none')}</p> : <ul className="flex flex-col gap-2 text-std-16N-170">{children}</ul>}
    </section>
  );
}

function DoctorLink({ id, name }: { id: string; name: string }) {
  return <TextLink to={`/career/doctors/${encodeURIComponent(id)}`}>{name}</TextLink>;
}

/** 「キャリア支援ホーム」: the centre's queue — what needs a look today. */
export function CareerHomePage() {
  const { t, language } = useCareersTranslation();
  useDocumentTitle(t('home.title'));
  const text = useMessageText();
  const queue = useCareerQueue();
  const q = queue.data;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('home.title')}</PageHeading>
        <CareerNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('home.lead')}</p>
      </div>
      {queue.isPending && <LoadingIndicator />}
      {queue.isError && (
        <Alert kind="error">
          <p>{text(messageForError(queue.error))}</p>
        </Alert>
      )}
      {q !== undefined && (
        <div className="grid gap-6 desktop:grid-cols-2">
          <QueueSection id="queue-requests" heading={t('home.changeRequests')} empty={q.change_requests.length === 0}>
            {q.change_requests.map((r) => (
              <li key={r.request_id} className="flex flex-col gap-1">
                <span>
                  <DoctorLink id={r.id} name={r.name} /> <span className="text-solid-gray-700">{formatDateTime(r.created_at, language)}</span>
                </span>
                <span className="whitespace-pre-wrap text-solid-gray-800">{r.body}</span>
              </li>
            ))}
          </QueueSection>
          <QueueSection id="queue-confirmed" heading={t('home.confirmed')} empty={q.confirmed_by_doctor.length === 0}>
            {q.confirmed_by_doctor.map((d) => (
              <li key={d.id}>
                <DoctorLink id={d.id} name={d.name} /> <span className="text-solid-gray-700">{t('home.since', { date: formatDateTime(d.since, language) })}</span>
              </li>
            ))}
          </QueueSection>
          <QueueSection id="queue-awaiting" heading={t('home.awaiting')} empty={q.awaiting_confirmation.length === 0}>
            {q.awaiting_confirmation.map((d) => (
              <li key={d.id}>
                <DoctorLink id={d.id} name={d.name} /> <span className="text-solid-gray-700">{t('home.since', { date: formatDateTime(d.since, language) })}</span>
              </li>
            ))}
          </QueueSection>
          <QueueSection id="queue-risk" heading={t('home.atRisk')} empty={q.rules_at_risk.length === 0}>
            {q.rules_at_risk.map((d) => (
              <li key={d.id} className="flex flex-col gap-1">
                <DoctorLink id={d.id} name={d.name} />
                <ul className="list-disc pl-6 text-solid-gray-800">
                  {d.rules.map((r) => (
                    <li key={r.message}>
                      {r.state_label}：{r.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </QueueSection>
          <QueueSection id="queue-none" heading={t('home.noAssignment')} empty={q.no_assignment.length === 0}>
            {q.no_assignment.map((d) => (
              <li key={d.id}>
                <DoctorLink id={d.id} name={d.name} /> <span className="text-solid-gray-700">（{d.status_label}）</span>
              </li>
            ))}
          </QueueSection>
          <QueueSection id="queue-interruptions" heading={t('home.interruptions')} empty={q.interruptions_ending.length === 0}>
            {q.interruptions_ending.map((d) => (
              <li key={`${d.id}-${d.ends}`}>
                <DoctorLink id={d.id} name={d.name} /> {t('home.ends', { date: formatDate(d.ends, language), reason: d.reason_label })}
              </li>
            ))}
          </QueueSection>
          <QueueSection
            id="queue-certificates"
            heading={t('home.certificates', { due: formatDate(q.certificates.due, language) })}
            empty={q.certificates.doctors.length === 0}
          >
            <li>{t('home.doctorsCount', { count: q.certificates.doctors.length })}</li>
          </QueueSection>
        </div>
      )}
    </div>
  );
}
