import { formatDateTime } from '../../../shared/text/format_date_time';
import { FreeText } from '../../../shared/ui/free_text';
import type { BedReport, NamedCode } from '../api/beds_api';
import { useBedsTranslation } from '../i18n/beds_i18n';
import { AcceptanceBadges } from './acceptance_badges';
import { WardTable } from './ward_table';

interface ReportHistoryProps {
  reports: readonly BedReport[];
  wardTypes: readonly NamedCode[];
  patientCategories: readonly NamedCode[];
  /** The heading level of each report inside the section. */
  headingLevel: 'h3' | 'h4';
  /** What an empty list says; 「報告はまだありません。」 unless the latest report is shown elsewhere. */
  emptyText?: string;
}

/** Reports, newest first: when and by whom, the numbers per ward, acceptance and the note. */
export function ReportHistory({ reports, wardTypes, patientCategories, headingLevel: Heading, emptyText }: ReportHistoryProps) {
  const { t, language } = useBedsTranslation();
  if (reports.length === 0) {
    return <p className="text-std-16N-170">{emptyText ?? t('history.empty')}</p>;
  }
  return (
    <ol className="flex flex-col gap-4">
      {reports.map((report) => {
        const time = formatDateTime(report.reported_at, language);
        return (
          <li key={report.id} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4 desktop:p-5">
            <Heading className="text-std-18B-160 text-solid-gray-900">
              <time dateTime={report.reported_at}>{time}</time>
            </Heading>
            <p className="text-std-16N-170 text-solid-gray-800">{t('history.reporter', { reporter: report.reported_by })}</p>
            <WardTable wards={report.wards} wardTypes={wardTypes} caption={t('history.wardCaption', { time })} />
            <div className="flex flex-col gap-1">
              <p className="text-std-16B-170 text-solid-gray-700">{t('columns.acceptance')}</p>
              <AcceptanceBadges acceptance={report.acceptance} categories={patientCategories} />
            </div>
            {report.note !== undefined && report.note !== null && report.note !== '' && (
              <div className="flex flex-col gap-1 text-std-16N-170">
                <p className="text-std-16B-170 text-solid-gray-700">{t('columns.note')}</p>
                <FreeText text={report.note} />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
