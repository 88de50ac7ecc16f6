import { useState, type FormEvent } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useCareerProgrammes, useCreateProgramme } from '../api/careers_api';
import { CareerNav } from '../components/career_nav';
import { ErrorList } from '../components/error_list';
import { useCareersTranslation } from '../i18n/careers_i18n';
import { INTERRUPTION_REASONS, RULE_KINDS } from '../plan_values';

const BASIC_AREAS = ['内科', '小児科', '皮膚科', '精神科', '外科', '整形外科', '産婦人科', '眼科', '耳鼻咽喉科', '泌尿器科', '脳神経外科', '放射線科',
  '麻酔科', '病理', '臨床検査', '救急科', '形成外科', 'リハビリテーション科', '総合診療'];

interface RuleRow {
  kind: string;
  months: string;
  param: string;
}

/** The national guideline's rules, to start from. */
const GUIDELINE: RuleRow[] = [
  { kind: 'total_period', months: '108', param: '1.5' },
  { kind: 'shortage_months', months: '48', param: '' },
  { kind: 'posting_min_months', months: '12', param: '' },
  { kind: 'out_of_prefecture_cap', months: '24', param: '' },
  { kind: 'research_cap', months: '24', param: '' },
  { kind: 'specialist_by_year', months: '36', param: '10' },
  { kind: 'interruption_cap', months: '36', param: 'childcare' },
];

function ruleForApi(row: RuleRow) {
  const rule: Record<string, unknown> = { kind: row.kind, months: Number(row.months) };
  if (row.kind === 'total_period' && row.param !== '') rule.loan_factor = Number(row.param);
  if (row.kind === 'specialist_by_year') rule.year = Number(row.param);
  if (row.kind === 'group_months') rule.group = row.param;
  if (row.kind === 'interruption_cap') rule.reason = row.param;
  return rule;
}

/** 「code,name,member;member」 per line. */
function groupsForApi(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [code = '', name = '', members = ''] = line.split(',');
      return { code: code.trim(), name: name.trim(), members: members.split(';').map((m) => m.trim()).filter((m) => m !== '') };
    });
}

function ProgrammeForm() {
  const { t } = useCareersTranslation();
  const create = useCreateProgramme();
  const [name, setName] = useState('');
  const [basicArea, setBasicArea] = useState('内科');
  const [course, setCourse] = useState('');
  const [years, setYears] = useState('9');
  const [rules, setRules] = useState<RuleRow[]>(GUIDELINE);
  const [groups, setGroups] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const kindOptions = RULE_KINDS.map((k) => ({ value: k, label: t(`programmes.kinds.${k}`) }));
  const reasonOptions = INTERRUPTION_REASONS.map((r) => ({ value: r, label: t(`plan.reasons.${r}`) }));
  const setRule = (index: number, change: Partial<RuleRow>) => setRules((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    create.mutate(
      { name, basic_area: basicArea, course: course || undefined, target_years: Number(years), rules: rules.map(ruleForApi), groups: groupsForApi(groups) },
      { onSuccess: (p) => setCreated(p.name) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      {create.isError && <ErrorList error={create.error} />}
      {created !== null && (
        <Alert kind="success">
          <p>{t('programmes.created', { name: created })}</p>
        </Alert>
      )}
      <TextField label={t('programmes.name')} name="name" value={name} onValueChange={setName} required />
      <div className="grid gap-6 desktop:grid-cols-3">
        <SelectField
          label={t('programmes.basicArea')}
          name="basic_area"
          value={basicArea}
          onValueChange={setBasicArea}
          options={BASIC_AREAS.map((a) => ({ value: a, label: a }))}
          promptLabel={null}
        />
        <TextField label={t('programmes.course')} name="course" value={course} onValueChange={setCourse} />
        <TextField label={t('programmes.targetYears')} name="target_years" value={years} onValueChange={setYears} inputMode="numeric" />
      </div>
      <fieldset className="flex flex-col gap-4">
        <legend className="text-std-18B-160">{t('programmes.rules')}</legend>
        {rules.map((rule, index) => {
          const n = index + 1;
          return (
            <div key={index} className="grid items-end gap-3 rounded-8 border border-solid-gray-420 p-4 desktop:grid-cols-[2fr_1fr_2fr_auto]">
              <SelectField label={t('programmes.ruleKind', { n })} name={`rule-kind-${n}`} value={rule.kind} onValueChange={(kind) => setRule(index, { kind })} options={kindOptions} promptLabel={null} />
              <TextField label={t('programmes.ruleMonths', { n })} name={`rule-months-${n}`} value={rule.months} onValueChange={(months) => setRule(index, { months })} inputMode="numeric" />
              {rule.kind === 'interruption_cap' ? (
                <SelectField label={t('programmes.ruleParam', { n })} name={`rule-param-${n}`} value={rule.param} onValueChange={(param) => setRule(index, { param })} options={reasonOptions} />
              ) : (
                <TextField label={t('programmes.ruleParam', { n })} name={`rule-param-${n}`} value={rule.param} onValueChange={(param) => setRule(index, { param })} />
              )}
              <Button variant="text" onClick={() => setRules((all) => all.filter((_, i) => i !== index))}>
                {t('programmes.removeRule', { n })}
              </Button>
            </div>
          );
        })}
        <p className="text-std-16N-170 text-solid-gray-700">{t('programmes.ruleParamHint')}</p>
        <div>
          <Button variant="secondary" onClick={() => setRules((all) => [...all, { kind: 'shortage_months', months: '12', param: '' }])}>
            {t('programmes.addRule')}
          </Button>
        </div>
      </fieldset>
      <TextAreaField label={t('programmes.groupsField')} name="groups" value={groups} onValueChange={setGroups} hint={t('programmes.groupsHint')} rows={3} />
      <div>
        <SubmitButton busy={create.isPending} label={t('programmes.create')} busyLabel={t('programmes.creating')} />
      </div>
    </form>
  );
}

/** 「キャリア形成プログラム」: the centre's programmes with their rules, and a new one. */
export function CareerProgrammesPage() {
  const { t } = useCareersTranslation();
  useDocumentTitle(t('programmes.title'));
  const text = useMessageText();
  const programmes = useCareerProgrammes();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('programmes.title')}</PageHeading>
        <CareerNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('programmes.lead')}</p>
      </div>
      <section aria-labelledby="programme-list" className="flex flex-col gap-4">
        <SectionHeading id="programme-list">{t('programmes.listHeading')}</SectionHeading>
        {programmes.isPending && <LoadingIndicator />}
        {programmes.isError && (
          <Alert kind="error">
            <p>{text(messageForError(programmes.error))}</p>
          </Alert>
        )}
        {programmes.data?.items.length === 0 && <p className="text-std-16N-170">{t('programmes.empty')}</p>}
        <ul className="flex flex-col gap-4">
          {programmes.data?.items.map((p) => (
            <li key={p.id} className="flex flex-col gap-2 rounded-12 border border-solid-gray-420 bg-white p-5">
              <h3 className="text-std-20B-150">
                {p.name} <span className="text-std-16N-170 text-solid-gray-700">{t('programmes.version', { version: p.current_version })}</span>
              </h3>
              <p className="text-std-16N-170 text-solid-gray-800">
                {p.basic_area}
                {p.course !== null && ` ・ ${p.course}`}
              </p>
              <ul className="list-disc pl-6 text-std-16N-170">
                {p.rules.map((r) => (
                  <li key={r.id}>{r.description}</li>
                ))}
              </ul>
              {p.groups.length > 0 && (
                <p className="text-std-16N-170 text-solid-gray-800">
                  {t('programmes.groups')}：{p.groups.map((g) => `${g.name}（${g.members.join('、')}）`).join(' ／ ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="programme-create" className="flex flex-col gap-6 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
        <SectionHeading id="programme-create">{t('programmes.createHeading')}</SectionHeading>
        <ProgrammeForm />
      </section>
    </div>
  );
}
