import { useState, type FormEvent } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { DataTable } from '../../../shared/ui/data_table';
import { DescriptionList } from '../../../shared/ui/description_list';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { useActivityReport, type ReportCounts } from '../api/workenv_api';
import { MeetingsChart } from '../components/meetings_chart';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

type Row = ReportCounts & { month: string; label: string };

/** The activity report of a fiscal year: a table per month with the total, the year by channel and topic, and the CSV for Excel. */
export function ReportPage() {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  useDocumentTitle(t('report.title'));
  const [yearInput, setYearInput] = useState('');
  const [year, setYear] = useState<string | null>(null);
  const report = useActivityReport(year);
  const data = report.data;
  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setYear(yearInput.trim() === '' ? null : yearInput.trim());
  };
  const rows: Row[] =
    data === undefined
      ? []
      : [
          ...data.months.map((m) => ({ ...m, label: `${Number(m.month.slice(0, 4))}年${Number(m.month.slice(5, 7))}月` })),
          { ...data.total, month: 'total', label: t('report.total') },
        ];
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('report.title')}</PageHeading>
        <WorkenvNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('report.lead')}</p>
      </div>
      <form noValidate onSubmit={show} className="flex flex-wrap items-end gap-4">
        <TextField
          label={t('report.fiscalYear')}
          name="fiscal_year"
          inputMode="numeric"
          value={yearInput}
          onValueChange={setYearInput}
          hint={data !== undefined ? String(data.fiscal_year) : undefined}
        />
        <SubmitButton busy={report.isFetching} label={t('report.show')} busyLabel={t('report.show')} />
      </form>
      {report.isPending && <LoadingIndicator />}
      {report.isError && (
        <Alert kind="error">
          <p>{text(messageForError(report.error))}</p>
        </Alert>
      )}
      {data !== undefined && (
        <>
          <p className="text-std-16N-170">
            <a className={TEXT_LINK_CLASSES} href={`/api/v1/workenv/report.csv?fiscal_year=${data.fiscal_year}`} download>
              {t('report.csv')}
            </a>
          </p>
          <DataTable<Row>
            caption={t('report.caption', { year: data.fiscal_year })}
            rows={rows}
            rowKey={(r) => r.month}
            columns={[
              { header: t('report.month'), cell: (r) => r.label },
              { header: t('report.consultations'), cell: (r) => r.consultations },
              { header: t('report.visits'), cell: (r) => r.visits },
              { header: t('report.followUps'), cell: (r) => r.follow_up_visits },
              { header: t('report.hospitals'), cell: (r) => r.hospitals_supported },
              { header: t('report.special'), cell: (r) => r.special_support },
              { header: t('report.briefings'), cell: (r) => r.briefings },
              { header: t('report.attendees'), cell: (r) => r.briefing_attendees },
              ...data.meeting_kinds.map((k) => ({ header: `${t('report.meetings')}：${k.label}`, cell: (r: Row) => r.meetings_by_kind[k.code] ?? 0 })),
            ]}
          />
          <MeetingsChart report={data} />
          <section aria-labelledby="report-channel" className="flex flex-col gap-3">
            <SectionHeading id="report-channel">{t('report.byChannel')}</SectionHeading>
            <DescriptionList items={data.channels.map((c) => ({ label: c.label, value: data.total.by_channel[c.code] ?? 0 }))} />
          </section>
          <section aria-labelledby="report-topic" className="flex flex-col gap-3">
            <SectionHeading id="report-topic">{t('report.byTopic')}</SectionHeading>
            <DescriptionList items={data.topics.map((c) => ({ label: c.label, value: data.total.by_topic[c.code] ?? 0 }))} />
          </section>
        </>
      )}
    </div>
  );
}
