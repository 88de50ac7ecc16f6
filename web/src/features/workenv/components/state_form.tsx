import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useUpdateHospital } from '../api/workenv_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

type State = Record<string, unknown>;
const part = (state: State, key: string): Record<string, unknown> => (state[key] as Record<string, unknown> | undefined) ?? {};
const str = (v: unknown) => (typeof v === 'string' ? v : '');

const DESIGNATION = [
  { value: 'none', label: '申請予定なし' },
  { value: 'planned', label: '申請予定' },
  { value: 'evaluating', label: '評価受審中' },
  { value: 'evaluated', label: '評価結果受領' },
  { value: 'designated', label: '指定済み' },
];
const VERDICT = [
  { value: '', label: '未受審' },
  { value: 'sufficient', label: '十分な取組' },
  { value: 'partial', label: '一部改善が必要' },
  { value: 'insufficient', label: '取組が不十分' },
];
const DUTY = [
  { value: 'none', label: '未取得' },
  { value: 'applying', label: '申請中' },
  { value: 'partial', label: '一部の診療科・時間帯で取得' },
  { value: 'obtained', label: '取得済み' },
  { value: 'not_needed', label: '不要' },
];
const FORM36 = [
  { value: 'none', label: '未届' },
  { value: 'standard', label: '一般条項のみ' },
  { value: 'special', label: '特別条項付き（医師の特例）' },
];

/**
 * The hospital's compliance state as a form: every part is sent whole, and the
 * server keeps the previous state in the history. Server messages name the
 * part and field (state.evaluation.date …) and appear above the button.
 */
export function StateForm({ hospitalId, state }: { hospitalId: string; state: State }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const update = useUpdateHospital(hospitalId);
  const groups = (state.groups as { name: string; level: string }[] | undefined) ?? [];
  const [groupText, setGroupText] = useState(groups.map((g) => `${g.name},${g.level}`).join('\n'));
  const [designation, setDesignation] = useState(str(part(state, 'designation').status) || 'none');
  const [verdict, setVerdict] = useState(str(part(state, 'evaluation').verdict));
  const [evalDate, setEvalDate] = useState(str(part(state, 'evaluation').date));
  const [planExists, setPlanExists] = useState(part(state, 'plan').exists === true);
  const [planReviewed, setPlanReviewed] = useState(str(part(state, 'plan').reviewed_on));
  const [duty, setDuty] = useState(str(part(state, 'duty_permit').status) || 'none');
  const [dutyNote, setDutyNote] = useState(str(part(state, 'duty_permit').note));
  const [form36, setForm36] = useState(str(part(state, 'agreement_36').form) || 'none');
  const measures = part(state, 'measures');
  const [m28, setM28] = useState(measures.continuous_28h === true);
  const [m9, setM9] = useState(measures.interval_9h === true);
  const [mRest, setMRest] = useState(measures.compensatory_rest === true);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const groupList = groupText
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const [name = '', level = ''] = line.split(/[,，、]/);
        return { name: name.trim(), level: level.trim() };
      });
    try {
      await update.mutateAsync({
        groups: groupList,
        designation: { status: designation },
        evaluation: { verdict, date: evalDate },
        plan: { exists: planExists, reviewed_on: planReviewed },
        duty_permit: { status: duty, note: dutyNote },
        agreement_36: { form: form36 },
        measures: { continuous_28h: m28, interval_9h: m9, compensatory_rest: mRest },
      });
      setProblems([]);
      setSaved(true);
    } catch (error) {
      setProblems(error instanceof ApiError && Object.keys(error.fields).length > 0 ? Object.values(error.fields) : [text(messageForError(error))]);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
      <TextAreaField label={t('hospital.groups')} name="groups" value={groupText} onValueChange={setGroupText} rows={4} />
      <SelectField label={t('hospital.designation')} name="designation" value={designation} options={DESIGNATION} onValueChange={setDesignation} promptLabel={null} />
      <SelectField label={t('hospital.evaluationVerdict')} name="verdict" value={verdict} options={VERDICT} onValueChange={setVerdict} promptLabel={null} />
      <TextField label={t('hospital.evaluationDate')} name="evaluation_date" type="date" value={evalDate} onValueChange={setEvalDate} />
      <CheckboxField label={t('hospital.planExists')} name="plan_exists" checked={planExists} onCheckedChange={setPlanExists} />
      <TextField label={t('hospital.planReviewed')} name="plan_reviewed" type="date" value={planReviewed} onValueChange={setPlanReviewed} />
      <SelectField label={t('hospital.dutyPermit')} name="duty_permit" value={duty} options={DUTY} onValueChange={setDuty} promptLabel={null} />
      <TextField label={t('hospital.dutyNote')} name="duty_note" value={dutyNote} onValueChange={setDutyNote} />
      <SelectField label={t('hospital.form36')} name="form36" value={form36} options={FORM36} onValueChange={setForm36} promptLabel={null} />
      <CheckboxField label={t('hospital.measure28')} name="m28" checked={m28} onCheckedChange={setM28} />
      <CheckboxField label={t('hospital.measure9')} name="m9" checked={m9} onCheckedChange={setM9} />
      <CheckboxField label={t('hospital.measureRest')} name="mrest" checked={mRest} onCheckedChange={setMRest} />
      {problems.length > 0 && (
        <Alert kind="error">
          <ul className="flex list-disc flex-col gap-1 pl-6">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      {saved && (
        <Alert kind="success">
          <p>{t('hospital.saved')}</p>
        </Alert>
      )}
      <SubmitButton busy={update.isPending} label={t('hospital.save')} busyLabel={t('hospital.save')} />
    </form>
  );
}
