import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Badge, type BadgeKind } from '../../../shared/ui/badge';
import { DataTable } from '../../../shared/ui/data_table';
import { DescriptionList } from '../../../shared/ui/description_list';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { useCareerLedger, type CareerLedger, type CareerRuleState } from '../api/careers_api';
import { useCareersTranslation } from '../i18n/careers_i18n';
import { formatMonth, monthRuns, type MonthRun } from '../plan_values';

const STATE_BADGE: Record<CareerRuleState['state'], BadgeKind> = { met: 'success', on_track: 'info', at_risk: 'urgent', broken: 'urgent' };

/** The obligation ledger of a doctor as the centre reads it (the read is audited). */
export function LedgerView({ doctorId }: { doctorId: string }) {
  const text = useMessageText();
  const ledger = useCareerLedger(doctorId, true);
  if (ledger.isPending) return <LoadingIndicator />;
  if (ledger.isError)
    return (
      <Alert kind="error">
        <p>{text(messageForError(ledger.error))}</p>
      </Alert>
    );
  return <LedgerTables ledger={ledger.data} />;
}

/** The obligation ledger: the figures, each rule's state with its explanation, and the months as runs of one assignment
 * (the centre's page and the doctor's own page show the same). */
export function LedgerTables({ ledger: l }: { ledger: CareerLedger }) {
  const { t, language } = useCareersTranslation();
  const s = l.summary;
  const months = (count: number) => t('ledger.months', { count });
  return (
    <div className="flex flex-col gap-6">
      <DescriptionList
        items={[
          { label: t('ledger.deadline'), value: formatMonth(s.deadline, language) },
          { label: t('ledger.required'), value: months(s.required_months) },
          { label: t('ledger.served'), value: months(s.served_months) },
          { label: t('ledger.remaining'), value: months(s.remaining_months) },
          { label: t('ledger.shortage'), value: months(s.served_shortage_months) },
          { label: t('ledger.outOfPrefecture'), value: months(s.served_out_of_prefecture_months) },
          { label: t('ledger.interruptions'), value: months(s.interruption_months) },
          { label: t('ledger.extension'), value: months(s.extension_months) },
        ]}
      />
      <DataTable
        caption={t('ledger.rulesCaption')}
        rows={l.rules}
        rowKey={(r) => r.rule_id}
        columns={[
          { header: t('ledger.rule'), cell: (r: CareerRuleState) => r.description },
          { header: t('ledger.stateColumn'), cell: (r: CareerRuleState) => <Badge kind={STATE_BADGE[r.state]}>{r.state_label}</Badge> },
          { header: t('ledger.explanation'), cell: (r: CareerRuleState) => r.message },
        ]}
      />
      <DataTable
        caption={t('ledger.runsCaption')}
        rows={monthRuns(l.months)}
        rowKey={(r) => r.from}
        columns={[
          { header: t('ledger.period'), cell: (r: MonthRun) => `${formatMonth(r.from, language)}〜${formatMonth(r.to, language)}（${months(r.months)}）` },
          { header: t('ledger.kindColumn'), cell: (r: MonthRun) => r.first.kind_label ?? t('ledger.gap') },
          { header: t('ledger.facilityColumn'), cell: (r: MonthRun) => r.first.facility_name || '—' },
          {
            header: t('ledger.noteColumn'),
            cell: (r: MonthRun) =>
              [r.first.past ? t('ledger.actual') : t('ledger.planned'), r.first.shortage_area ? t('ledger.shortageArea') : null, r.first.out_of_prefecture ? t('ledger.outside') : null]
                .filter((x) => x !== null)
                .join('・'),
          },
        ]}
      />
    </div>
  );
}
