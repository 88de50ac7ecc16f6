import { useMemo, useState } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Chart } from '../../../shared/ui/chart';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { statisticsQuery, useCareerProgrammes, useCareerStatistics, type CareerStatistics, type StatusCounts } from '../api/careers_api';
import { CareerNav } from '../components/career_nav';
import { statisticsCharts } from '../statistics_charts';
import { useCareersTranslation } from '../i18n/careers_i18n';

function CsvLink({ table, query }: { table: 'area' | 'cohort' | 'kind' | 'shortage'; query: string }) {
  const { t } = useCareersTranslation();
  return (
    <a className={TEXT_LINK_CLASSES} href={`/api/v1/career/statistics.csv?table=${table}${query === '' ? '' : `&${query}`}`} download>
      {t('statistics.csv')}
    </a>
  );
}

/** 「統計」: the centre's doctors by 診療科 × 二次医療圏 × status, by cohort (with completion and 離脱 rates), by loan kind. */
export function CareerStatisticsPage() {
  const { t } = useCareersTranslation();
  useDocumentTitle(t('statistics.title'));
  const text = useMessageText();
  const programmes = useCareerProgrammes();
  const [programmeId, setProgrammeId] = useState('');
  const [year, setYear] = useState('');
  const filters = { programmeId, year };
  const query = statisticsQuery(filters);
  const stats = useCareerStatistics(filters);
  const thisYear = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
  const years = Array.from({ length: 15 }, (_, i) => String(thisYear + 2 - i));
  const s: CareerStatistics | undefined = stats.data;
  const charts = useMemo(() => (s === undefined ? undefined : statisticsCharts(s, t as (key: string, options?: Record<string, unknown>) => string)), [s, t]);
  const statusColumns = <Row extends StatusCounts>(): Column<Row>[] => [
    ...(s?.statuses ?? []).map((st) => ({ header: st.label, cell: (r: Row) => String(r[st.code] ?? 0) })),
    { header: t('statistics.total'), cell: (r: Row) => String(r.total) },
  ];
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('statistics.title')}</PageHeading>
        <CareerNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('statistics.lead')}</p>
      </div>
      <div className="grid gap-4 desktop:grid-cols-2">
        <SelectField label={t('statistics.programmeFilter')} name="programme_id" value={programmeId} onValueChange={setProgrammeId}
          promptLabel={t('statistics.allProgrammes')} options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        <SelectField label={t('statistics.yearFilter')} name="year" value={year} onValueChange={setYear} hint={t('statistics.yearHint')}
          promptLabel={t('statistics.today')} options={years.map((y) => ({ value: y, label: t('statistics.fiscalYear', { year: y }) }))} />
      </div>
      {stats.isPending && <LoadingIndicator />}
      {stats.isError && (
        <Alert kind="error">
          <p>{text(messageForError(stats.error))}</p>
        </Alert>
      )}
      {s !== undefined && (
        <>
          <section aria-labelledby="stats-cohort" className="flex flex-col gap-3">
            <SectionHeading id="stats-cohort">{t('statistics.byCohort')}</SectionHeading>
            <CsvLink table="cohort" query={query} />
            {charts !== undefined && <Chart option={charts.byCohort} label={t('statistics.cohortChart')} />}
            <DataTable
              caption={t('statistics.byCohort')}
              rows={s.by_cohort}
              rowKey={(r) => String(r.cohort)}
              columns={[
                { header: t('statistics.cohort'), cell: (r) => String(r.cohort) },
                ...statusColumns<CareerStatistics['by_cohort'][number]>(),
                { header: t('statistics.completionRate'), cell: (r) => `${r.completion_rate.toFixed(1)}％` },
                { header: t('statistics.withdrawalRate'), cell: (r) => `${r.withdrawal_rate.toFixed(1)}％` },
              ]}
            />
          </section>
          <section aria-labelledby="stats-kind" className="flex flex-col gap-3">
            <SectionHeading id="stats-kind">{t('statistics.byKind')}</SectionHeading>
            <CsvLink table="kind" query={query} />
            <DataTable
              caption={t('statistics.byKind')}
              rows={s.by_kind}
              rowKey={(r) => r.kind}
              columns={[{ header: t('statistics.kind'), cell: (r) => r.kind_label }, ...statusColumns<CareerStatistics['by_kind'][number]>()]}
            />
          </section>
          <section aria-labelledby="stats-shortage" className="flex flex-col gap-3">
            <SectionHeading id="stats-shortage">{t('statistics.byShortage')}</SectionHeading>
            <p className="text-std-16N-170 text-solid-gray-800">{t('statistics.shortageLead')}</p>
            <CsvLink table="shortage" query={query} />
            {charts !== undefined && <Chart option={charts.byShortage} label={t('statistics.shortageChart')} />}
            <DataTable
              caption={t('statistics.byShortage')}
              rows={s.by_shortage}
              rowKey={(r) => `${r.programme_id}|${r.area}`}
              columns={[
                { header: t('statistics.programme'), cell: (r) => r.programme_name },
                { header: t('statistics.area'), cell: (r) => r.area },
                { header: t('statistics.doctors'), cell: (r) => String(r.doctors) },
                { header: t('statistics.shortageMonths'), cell: (r) => String(r.months) },
                { header: t('statistics.targetMonths'), cell: (r) => String(r.target) },
                { header: t('statistics.rate'), cell: (r) => `${r.rate.toFixed(1)}％` },
              ]}
            />
          </section>
          <section aria-labelledby="stats-area" className="flex flex-col gap-3">
            <SectionHeading id="stats-area">{t('statistics.byArea')}</SectionHeading>
            <CsvLink table="area" query={query} />
            {charts !== undefined && <Chart option={charts.bySpecialty} label={t('statistics.specialtyChart')} />}
            <DataTable
              caption={t('statistics.byArea')}
              rows={s.by_area}
              rowKey={(r) => `${r.specialty}|${r.area}|${r.status_label}`}
              columns={[
                { header: t('statistics.specialty'), cell: (r) => r.specialty },
                { header: t('statistics.area'), cell: (r) => r.area },
                { header: t('statistics.status'), cell: (r) => r.status_label },
                { header: t('statistics.count'), cell: (r) => String(r.count) },
              ]}
            />
          </section>
        </>
      )}
    </div>
  );
}
