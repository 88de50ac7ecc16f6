import { Fragment } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Alert } from '../../../shared/ui/alert';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useBedReference, useFacilityBeds } from '../api/beds_api';
import { AcceptanceBadges } from '../components/acceptance_badges';
import { addressOf } from '../components/board_table';
import { ReportHistory } from '../components/report_history';
import { WardTable } from '../components/ward_table';
import { useBedsTranslation } from '../i18n/beds_i18n';
import { useBedLabels } from '../use_bed_labels';

/**
 * 「病床状況の詳細」: every item of a facility's latest report (G-MIS
 * 「地域病床見える化（全項目表示）」) and its earlier reports. The facility
 * itself, aggregators of its prefecture and the secretariat may see it; the
 * server answers 404 to anyone else.
 */
export function BedFacilityPage({ backTo }: { backTo: 'board' | 'report' }) {
  const { t, language } = useBedsTranslation();
  const text = useMessageText();
  const labels = useBedLabels();
  const { id = '' } = useParams();
  const location = useLocation();
  const facility = useFacilityBeds(id);
  const reference = useBedReference();
  useDocumentTitle(facility.data !== undefined ? t('facility.documentTitle', { name: facility.data.name }) : t('facility.title'));

  // Back to the rows the user came from (their filters), else to the whole board.
  const fromSearch = (location.state as { search?: unknown } | null)?.search;
  const backLink = (
    <p className="text-std-16N-170">
      {backTo === 'board' ? (
        <TextLink to={typeof fromSearch === 'string' && fromSearch !== '' ? `/beds?${fromSearch}` : '/beds'}>{t('facility.backToBoard')}</TextLink>
      ) : (
        <TextLink to="/beds/report">{t('facility.backToReport')}</TextLink>
      )}
    </p>
  );

  if (facility.isPending) {
    return <LoadingIndicator />;
  }
  if (facility.isError) {
    const notFound = facility.error instanceof ApiError && facility.error.status === 404;
    return (
      <NarrowPage heading={notFound ? t('facility.notFoundTitle') : t('facility.errorTitle')}>
        <Alert kind={notFound ? 'info' : 'error'}>
          <p>{notFound ? t('facility.notFound') : text(messageForError(facility.error))}</p>
        </Alert>
        {backLink}
      </NarrowPage>
    );
  }

  const data = facility.data;
  const wardTypes = reference.data?.ward_types ?? [];
  const categories = reference.data?.patient_categories ?? [];
  const latest = data.latest;
  const history = data.history.filter((report) => report.id !== latest?.id);
  const items: { label: string; value: string }[] = [
    { label: t('facility.prefecture'), value: data.prefecture_name },
    { label: t('facility.area'), value: data.area_name ?? t('board.noArea') },
    { label: t('facility.address'), value: addressOf(data) },
  ];
  if (latest !== null) {
    items.push(
      { label: t('facility.reportedAt'), value: formatDateTime(latest.reported_at, language) },
      { label: t('facility.reportedBy'), value: latest.reported_by },
    );
  }

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        {backLink}
        <p className="text-std-16B-170 text-solid-gray-700">{t('facility.title')}</p>
        <PageHeading>{data.name}</PageHeading>
      </div>
      <dl className="grid grid-cols-1 border-t border-solid-gray-200 text-std-16N-170 desktop:grid-cols-[12rem_1fr]">
        {items.map((item) => (
          <Fragment key={item.label}>
            <dt className="pt-3 font-700 text-solid-gray-700 desktop:border-b desktop:border-solid-gray-200 desktop:py-3">{item.label}</dt>
            <dd className="border-b border-solid-gray-200 pb-3 text-solid-gray-900 desktop:py-3">{item.value}</dd>
          </Fragment>
        ))}
      </dl>

      <section aria-labelledby="facility-latest" className="flex flex-col gap-6">
        <SectionHeading id="facility-latest">{t('facility.latestHeading')}</SectionHeading>
        {latest === null ? (
          <p className="text-std-16N-170">{t('facility.noReport')}</p>
        ) : (
          <>
            <WardTable wards={latest.wards} wardTypes={wardTypes} caption={t('facility.wardCaption')} />
            <div className="flex flex-col gap-3">
              <h3 className="text-std-20B-150 text-solid-gray-900">{t('columns.acceptance')}</h3>
              <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-std-16N-170">
                {categories.map((category) => (
                  <Fragment key={category.code}>
                    <dt className="font-700 text-solid-gray-700">{labels.patientCategory(category.code, category.name)}</dt>
                    <dd>
                      {latest.acceptance[category.code] === undefined
                        ? t('acceptance.notAnswered')
                        : labels.status(latest.acceptance[category.code] ?? '')}
                    </dd>
                  </Fragment>
                ))}
              </dl>
              <AcceptanceSummary acceptance={latest.acceptance} categories={categories} />
            </div>
            <div className="flex flex-col gap-2 text-std-16N-170">
              <h3 className="text-std-20B-150 text-solid-gray-900">{t('columns.note')}</h3>
              {latest.note !== undefined && latest.note !== null && latest.note !== '' ? <FreeText text={latest.note} /> : <p>{t('facility.noNote')}</p>}
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="facility-history" className="flex flex-col gap-6">
        <SectionHeading id="facility-history">{t('facility.historyHeading')}</SectionHeading>
        {/* The latest report is the section above: an empty list here means there is nothing before it. */}
        <ReportHistory
          reports={history}
          wardTypes={wardTypes}
          patientCategories={categories}
          headingLevel="h3"
          emptyText={latest === null ? t('history.empty') : t('history.noEarlier')}
        />
      </section>
    </div>
  );
}

/** Categories the reference does not list yet still show, as badges. */
function AcceptanceSummary({ acceptance, categories }: { acceptance: Readonly<Record<string, string>>; categories: readonly { code: string; name: string }[] }) {
  const unknown = Object.fromEntries(Object.entries(acceptance).filter(([code]) => !categories.some((c) => c.code === code)));
  if (Object.keys(unknown).length === 0) {
    return null;
  }
  return <AcceptanceBadges acceptance={unknown} categories={[]} />;
}
