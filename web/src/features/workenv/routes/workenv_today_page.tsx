import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useToday, type Visit, type WorkenvCase } from '../api/workenv_api';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** 「いまやること」: what the centre should do now — cases due, visits proposed and coming, the top priorities. */
export function WorkenvTodayPage() {
  const { t, language } = useWorkenvTranslation();
  const text = useMessageText();
  useDocumentTitle(t('today.title'));
  const today = useToday();
  const data = today.data;

  const caseList = (cases: readonly WorkenvCase[]) =>
    cases.length === 0 ? (
      <p className="text-std-16N-170">{t('today.none')}</p>
    ) : (
      <ul className="flex flex-col gap-2">
        {cases.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-2 text-std-16N-170">
            <TextLink to={`/workenv/cases/${c.id}`}>{c.title}</TextLink>
            <span>（{c.hospital.name}・{c.status_label}）</span>
            {c.due_date !== null && (c.overdue ? <Badge kind="urgent">{t('today.overdue')}</Badge> : <Badge kind="info">{t('today.due', { date: formatDate(c.due_date, language) })}</Badge>)}
          </li>
        ))}
      </ul>
    );
  const visitList = (visits: readonly Visit[]) =>
    visits.length === 0 ? (
      <p className="text-std-16N-170">{t('today.none')}</p>
    ) : (
      <ul className="flex flex-col gap-2">
        {visits.map((v) => (
          <li key={v.id} className="text-std-16N-170">
            <TextLink to="/workenv/visits">{formatDate(v.planned_date, language)}</TextLink>　{v.hospital.name}（{v.status_label}）
          </li>
        ))}
      </ul>
    );

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('today.title')}</PageHeading>
        <WorkenvNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('today.lead')}</p>
      </div>
      {today.isPending && <LoadingIndicator />}
      {today.isError && (
        <Alert kind="error">
          <p>{text(messageForError(today.error))}</p>
        </Alert>
      )}
      {data !== undefined && (
        <>
          <p className="text-std-16N-170">
            {t('today.counts', { hospitals: data.hospitals, open: data.open_cases, gaps: data.interview_gaps, over: data.projected_over_cap })}
          </p>
          <section aria-labelledby="today-due" className="flex flex-col gap-3">
            <SectionHeading id="today-due">{t('today.dueCases')}</SectionHeading>
            {caseList(data.due_cases)}
          </section>
          {data.late_minutes.length > 0 && (
            <section aria-labelledby="today-late-minutes" className="flex flex-col gap-3">
              <SectionHeading id="today-late-minutes">{t('today.lateMinutes')}</SectionHeading>
              <ul className="flex flex-col gap-2">
                {data.late_minutes.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center gap-2 text-std-16N-170">
                    <TextLink to={`/workenv/meetings/${m.id}`}>
                      {t('today.lateMinutesItem', { series: m.series.title, date: formatDate(m.held_on, language), due: formatDate(m.minutes_due_on, language) })}
                    </TextLink>
                    <Badge kind="urgent">{m.minutes_status_label}</Badge>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="today-mine" className="flex flex-col gap-3">
            <SectionHeading id="today-mine">{t('today.myCases')}</SectionHeading>
            {caseList(data.my_cases)}
          </section>
          <section aria-labelledby="today-priorities" className="flex flex-col gap-3">
            <SectionHeading id="today-priorities">{t('today.topPriorities')}</SectionHeading>
            {data.top_priorities.length === 0 ? (
              <p className="text-std-16N-170">{t('today.none')}</p>
            ) : (
              <ol className="flex flex-col gap-3">
                {data.top_priorities.map((p) => (
                  <li key={p.hospital.id} className="flex flex-col gap-1 text-std-16N-170">
                    <span>
                      {t('priorities.rank', { rank: p.rank })}　<TextLink to={`/workenv/hospitals/${p.hospital.id}`}>{p.hospital.name}</TextLink>（{t('priorities.score', { score: p.score })}）
                    </span>
                    <ul className="list-disc pl-6">
                      {p.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="today-proposed" className="flex flex-col gap-3">
            <SectionHeading id="today-proposed">{t('today.proposedVisits')}</SectionHeading>
            {visitList(data.proposed_visits)}
          </section>
          <section aria-labelledby="today-upcoming" className="flex flex-col gap-3">
            <SectionHeading id="today-upcoming">{t('today.upcomingVisits')}</SectionHeading>
            {visitList(data.upcoming_visits)}
          </section>
        </>
      )}
    </div>
  );
}
