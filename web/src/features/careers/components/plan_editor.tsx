import { useEffect, useState } from 'react';
import type { Area } from '../../../shared/reference/reference_api';
import { useAreas } from '../../../shared/reference/reference_api';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import { checkPlan, usePlanState, useSavePlan, type CareerAssignment, type CareerCheck, type CareerDoctor } from '../api/careers_api';
import { useCareersTranslation } from '../i18n/careers_i18n';
import { ASSIGNMENT_KINDS, INTERRUPTION_REASONS, assignmentsForApi, emptyAssignment } from '../plan_values';
import { ErrorList } from './error_list';

type AreaWithDesignation = Area & { designation?: { designation: string } | null };

/** The plan as rows of assignments, checked by the server's rules engine on every change (nothing saved until 保存). */
export function PlanEditor({ doctor, prefecture }: { doctor: CareerDoctor; prefecture: string }) {
  const { t } = useCareersTranslation();
  const [rows, setRows] = useState<CareerAssignment[]>(() => doctor.plan?.assignments ?? [emptyAssignment()]);
  const [check, setCheck] = useState<CareerCheck | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSavePlan(doctor.id);
  const planState = usePlanState(doctor.id);
  const areas = useAreas(prefecture);
  const areaOptions = ((areas.data ?? []) as AreaWithDesignation[]).map((a) => ({
    value: a.code,
    label: a.designation?.designation === '医師少数区域' ? `${a.name}（医師少数区域）` : a.name,
  }));
  const kindOptions = ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`plan.kinds.${k}`) }));
  const reasonOptions = INTERRUPTION_REASONS.map((r) => ({ value: r, label: t(`plan.reasons.${r}`) }));
  const setRow = (index: number, change: Partial<CareerAssignment>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));

  // The live check: a moment after the last change, the engine's verdict on the rows as they are.
  useEffect(() => {
    const complete = rows.every((r) => r.start !== '' && r.end !== '');
    if (!complete) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      checkPlan(doctor.id, assignmentsForApi(rows), controller.signal)
        .then((result) => {
          setCheck(result);
          setCheckError(null);
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setCheckError(error);
        })
        .finally(() => setChecking(false));
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [rows, doctor.id]);

  const plan = doctor.plan;
  return (
    <div className="flex flex-col gap-6">
      <p className="text-std-16N-170 text-solid-gray-800">{t('plan.lead')}</p>
      {plan !== null && <p className="text-std-16B-170">{t('plan.state', { state: plan.state_label, version: plan.version })}</p>}
      <ol className="flex flex-col gap-4">
        {rows.map((row, index) => {
          const n = index + 1;
          const interruption = row.kind === 'interruption';
          return (
            <li key={index} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
              <p className="text-std-16B-170">{t('plan.assignment', { n })}</p>
              <div className="grid gap-3 desktop:grid-cols-3">
                <SelectField label={t('plan.kind', { n })} name={`kind-${n}`} value={row.kind} onValueChange={(kind) => setRow(index, { kind })} options={kindOptions} promptLabel={null} />
                {interruption ? (
                  <SelectField label={t('plan.reason', { n })} name={`reason-${n}`} value={row.interruption_reason ?? ''} onValueChange={(r) => setRow(index, { interruption_reason: r })} options={reasonOptions} />
                ) : (
                  <TextField label={t('plan.facility', { n })} name={`facility-${n}`} value={row.facility_name} onValueChange={(v) => setRow(index, { facility_name: v })} />
                )}
                {!interruption && (
                  <SelectField label={t('plan.area', { n })} name={`area-${n}`} value={row.area_code ?? ''} onValueChange={(v) => setRow(index, { area_code: v })} options={areaOptions} promptLabel={t('plan.areaNone')} />
                )}
                <TextField label={t('plan.start', { n })} name={`start-${n}`} type="date" value={row.start} onValueChange={(v) => setRow(index, { start: v })} />
                <TextField label={t('plan.end', { n })} name={`end-${n}`} type="date" value={row.end} onValueChange={(v) => setRow(index, { end: v })} />
              </div>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                {!interruption && (
                  <CheckboxField label={t('plan.outOfPrefecture', { n })} name={`out-${n}`} checked={row.out_of_prefecture} onCheckedChange={(v) => setRow(index, { out_of_prefecture: v })} />
                )}
                <CheckboxField label={t('plan.actual', { n })} name={`actual-${n}`} checked={row.actual} onCheckedChange={(v) => setRow(index, { actual: v })} />
              </div>
              <div>
                <Button variant="text" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                  {t('plan.remove', { n })}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button variant="secondary" onClick={() => setRows((all) => [...all, emptyAssignment()])}>
          {t('plan.add')}
        </Button>
      </div>
      <section aria-labelledby="plan-check" aria-live="polite" className="flex flex-col gap-3 rounded-8 bg-solid-gray-50 p-4">
        <SectionHeading id="plan-check">{t('plan.checkHeading')}</SectionHeading>
        {checking && <p className="text-std-16N-170">{t('plan.checking')}</p>}
        {checkError !== null && <ErrorList error={checkError} />}
        {check !== null && checkError === null && (
          <>
            <p className="text-std-16B-170">{check.valid ? t('plan.valid') : t('plan.invalid', { count: check.violations })}</p>
            <ul className="flex flex-col gap-2 text-std-16N-170">
              {check.findings.map((f, i) => (
                <li key={`${f.code}-${i}`} className="flex flex-wrap items-baseline gap-2">
                  <Badge kind={f.severity === 'violation' ? 'urgent' : 'info'}>{f.severity === 'violation' ? t('plan.violation') : t('plan.warning')}</Badge>
                  <span>{f.message}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {save.isError && <ErrorList error={save.error} />}
      {planState.isError && <ErrorList error={planState.error} />}
      {saved !== null && (
        <Alert kind="success">
          <p>{saved}</p>
        </Alert>
      )}
      <div className="flex flex-wrap gap-4">
        <Button
          busy={save.isPending}
          onClick={() =>
            save.mutate(assignmentsForApi(rows), {
              onSuccess: (r) => setSaved(r.plan.state === 'draft' ? t('plan.savedDraft') : t('plan.savedProposed')),
            })
          }
        >
          {save.isPending ? t('plan.saving') : t('plan.save')}
        </Button>
        {plan?.state === 'proposed' && (
          <Button variant="secondary" busy={planState.isPending} onClick={() => planState.mutate('confirmation')}>
            {t('plan.toConfirmation')}
          </Button>
        )}
        {(plan?.state === 'confirmation' || plan?.state === 'confirmed') && (
          <Button variant="secondary" busy={planState.isPending} onClick={() => planState.mutate('approved')}>
            {t('plan.approve')}
          </Button>
        )}
      </div>
    </div>
  );
}
