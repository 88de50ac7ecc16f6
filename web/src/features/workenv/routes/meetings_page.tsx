import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { DataTable } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useMeetings, useSeries, type MeetingSummary } from '../api/meetings_api';
import { NewMeetingForm, NewSeriesForm } from '../components/meeting_forms';
import { SeriesSettings } from '../components/meeting_settings';
import { MinutesStatusBadge } from '../components/minutes_status_badge';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** 会議: the series (運営協議会, 実務者連絡調整会議), every meeting with its minutes' state (late ones flagged), and new ones. */
export function MeetingsPage() {
  const { t, language } = useWorkenvTranslation();
  const text = useMessageText();
  useDocumentTitle(t('meetings.title'));
  const series = useSeries();
  const meetings = useMeetings();
  const error = series.error ?? meetings.error;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('meetings.title')}</PageHeading>
        <WorkenvNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('meetings.lead')}</p>
      </div>
      {(series.isPending || meetings.isPending) && <LoadingIndicator />}
      {error !== null && (
        <Alert kind="error">
          <p>{text(messageForError(error))}</p>
        </Alert>
      )}
      {meetings.data !== undefined && meetings.data.late > 0 && (
        <Alert kind="info">
          <p>{t('meetings.lateAlert', { count: meetings.data.late })}</p>
        </Alert>
      )}
      {series.data !== undefined && (
        <section aria-labelledby="meeting-series" className="flex flex-col gap-4">
          <SectionHeading id="meeting-series">{t('meetings.series')}</SectionHeading>
          {series.data.items.length === 0 ? (
            <p className="text-std-16N-170">{t('meetings.noSeries')}</p>
          ) : (
            <ul className="grid gap-4 md:grid-cols-2">
              {series.data.items.map((s) => (
                <li key={s.id} className="flex flex-col gap-1 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
                  <span className="font-bold">{s.title}</span>
                  <span>{s.kind_label}</span>
                  <span>{t('meetings.seriesCounts', { count: s.meetings, days: s.minutes_due_days })}</span>
                  <span className="break-all">{t('meetings.bureauEmail', { email: s.bureau_email })}</span>
                  {s.invited.length > 0 && <span>{t('meetings.invitedList', { list: s.invited.join('、') })}</span>}
                  {s.next_on !== null && <span>{t('meetings.nextOn', { date: formatDate(s.next_on, language) })}</span>}
                  {s.late_minutes > 0 && (
                    <span>
                      <Badge kind="urgent">{t('meetings.lateCount', { count: s.late_minutes })}</Badge>
                    </span>
                  )}
                  {series.data.can_create && <SeriesSettings series={s} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {meetings.data !== undefined && meetings.data.items.length === 0 && <p className="text-std-16N-170">{t('meetings.empty')}</p>}
      {meetings.data !== undefined && meetings.data.items.length > 0 && (
        <DataTable<MeetingSummary>
          caption={t('meetings.caption')}
          rows={meetings.data.items}
          rowKey={(m) => m.id}
          columns={[
            { header: t('meetings.heldOn'), cell: (m) => <TextLink to={`/workenv/meetings/${m.id}`}>{formatDate(m.held_on, language)}</TextLink> },
            { header: t('meetings.seriesColumn'), cell: (m) => m.series.title },
            { header: t('meetings.place'), cell: (m) => m.place },
            {
              header: t('meetings.minutes'),
              cell: (m) => (
                <span className="flex flex-wrap gap-2">
                  <MinutesStatusBadge status={m.minutes_status} label={m.minutes_status_label} />
                  {m.minutes_late && <Badge kind="urgent">{t('meetings.late')}</Badge>}
                </span>
              ),
            },
            { header: t('meetings.dueOn'), cell: (m) => formatDate(m.minutes_due_on, language) },
            { header: t('meetings.confirmations'), cell: (m) => t('meetings.confirmationCounts', { confirmed: m.confirmed, commented: m.commented, total: m.participants }) },
            { header: t('meetings.openActions'), cell: (m) => m.open_actions },
          ]}
        />
      )}
      {series.data?.can_create === true && series.data.items.length > 0 && <NewMeetingForm series={series.data.items} />}
      {series.data?.can_create === true && <NewSeriesForm />}
    </div>
  );
}
