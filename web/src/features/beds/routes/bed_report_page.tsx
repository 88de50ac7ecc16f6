import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useBedReference, useMyBedReports } from '../api/beds_api';
import { ReportForm } from '../components/report_form';
import { ReportHistory } from '../components/report_history';
import { useBedsTranslation } from '../i18n/beds_i18n';

/**
 * 「病床状況の報告」 for a facility: the form, filled in from the latest
 * report, and below it every earlier report with its time and reporter.
 */
export function BedReportPage({ user }: { user: SessionUser }) {
  const { t } = useBedsTranslation();
  useDocumentTitle(t('report.title'));
  const text = useMessageText();
  const reference = useBedReference();
  const reports = useMyBedReports();
  const facility = user.organisations.find((organisation) => organisation.kind === 'facility') ?? user.organisations[0];

  const loading = reference.isPending || reports.isPending;
  const error = reference.error ?? reports.error;
  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('report.title')}</PageHeading>
        {facility !== undefined && <p className="text-std-18B-160 text-solid-gray-800">{facility.name}</p>}
        <p className="text-std-16N-170 text-solid-gray-800">{t('report.lead')}</p>
        {facility !== undefined && (
          <p className="text-std-16N-170">
            <TextLink to={`/beds/facilities/${encodeURIComponent(facility.id)}`}>{t('report.ownPageLink')}</TextLink>
          </p>
        )}
      </div>
      {loading && <LoadingIndicator />}
      {!loading && error !== null && (
        <Alert kind="error">
          <p>{text(messageForError(error))}</p>
        </Alert>
      )}
      {reference.data !== undefined && reports.data !== undefined && (
        <>
          <section aria-labelledby="bed-report-form" className="flex flex-col gap-6 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8">
            <SectionHeading id="bed-report-form">{t('report.formHeading')}</SectionHeading>
            {/* Filled in from the latest report once it has loaded. */}
            <ReportForm reference={reference.data} latest={reports.data.items[0] ?? null} />
          </section>
          <section aria-labelledby="bed-report-history" className="flex flex-col gap-6">
            <SectionHeading id="bed-report-history">{t('report.historyHeading')}</SectionHeading>
            <p className="text-std-16N-170 text-solid-gray-800">{t('report.historyCount', { count: reports.data.total })}</p>
            <ReportHistory
              reports={reports.data.items}
              wardTypes={reference.data.ward_types}
              patientCategories={reference.data.patient_categories}
              headingLevel="h3"
            />
          </section>
        </>
      )}
    </div>
  );
}
