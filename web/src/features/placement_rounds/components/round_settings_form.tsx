import { useState, type FormEvent } from 'react';
import { ErrorList } from './error_list';
import { Alert } from '../../../shared/ui/alert';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import type { PlacementRound } from '../api/placement_rounds_api';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

const MECHANISMS = ['fda', 'jrmp', 'da'] as const;
const KINDS = ['work', 'specialist_training', 'clinical_training'] as const;

export interface RoundSettings {
  year: string;
  programme_id: string;
  title: string;
  mechanism: string;
  assignment_kind: string;
  term_start: string;
  term_end: string;
  doctor_deadline: string;
  facility_deadline: string;
}

export function settingsOf(round: PlacementRound): RoundSettings {
  return {
    year: String(round.year),
    programme_id: round.programme_id ?? '',
    title: round.title,
    mechanism: round.mechanism,
    assignment_kind: round.assignment_kind,
    term_start: round.term_start,
    term_end: round.term_end,
    doctor_deadline: round.doctor_deadline,
    facility_deadline: round.facility_deadline,
  };
}

interface RoundSettingsFormProps {
  /** Opening a round: the year and the programme too; otherwise only what may change. */
  creating: boolean;
  initial: RoundSettings;
  programmes?: { id: string; name: string }[];
  busy: boolean;
  error: unknown;
  saved?: boolean;
  onSubmit: (body: Record<string, unknown>) => void;
}

/** The settings of a round: year and programme (when opening), name, mechanism, the plan entry's kind and period, deadlines. */
export function RoundSettingsForm({ creating, initial, programmes = [], busy, error, saved = false, onSubmit }: RoundSettingsFormProps) {
  const { t } = usePlacementRoundsTranslation();
  const [v, setV] = useState<RoundSettings>(initial);
  const set = (key: keyof RoundSettings) => (value: string) => setV((all) => ({ ...all, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: Record<string, unknown> = {
      title: v.title,
      mechanism: v.mechanism,
      assignment_kind: v.assignment_kind,
      term_start: v.term_start,
      term_end: v.term_end,
      doctor_deadline: v.doctor_deadline,
      facility_deadline: v.facility_deadline,
    };
    if (creating) {
      body.year = v.year.trim() === '' ? undefined : Number(v.year);
      body.programme_id = v.programme_id === '' ? null : v.programme_id;
    }
    onSubmit(body);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      {error !== null && error !== undefined && <ErrorList error={error} />}
      {saved && (
        <Alert kind="success">
          <p>{t('form.saved')}</p>
        </Alert>
      )}
      {creating && (
        <div className="grid gap-6 desktop:grid-cols-2">
          <TextField label={t('form.year')} name="year" value={v.year} onValueChange={set('year')} inputMode="numeric" required />
          <SelectField
            label={t('form.programme')}
            name="programme_id"
            value={v.programme_id}
            onValueChange={set('programme_id')}
            options={[{ value: '', label: t('form.allProgrammes') }, ...programmes.map((p) => ({ value: p.id, label: p.name }))]}
            promptLabel={null}
          />
        </div>
      )}
      <TextField label={t('form.title')} name="title" value={v.title} onValueChange={set('title')} hint={creating ? t('form.titleHint') : undefined} />
      <div className="grid gap-6 desktop:grid-cols-2">
        <SelectField
          label={t('form.mechanism')}
          name="mechanism"
          value={v.mechanism}
          onValueChange={set('mechanism')}
          options={MECHANISMS.map((m) => ({ value: m, label: t(`form.mechanisms.${m}`) }))}
          promptLabel={null}
        />
        <SelectField
          label={t('form.assignmentKind')}
          name="assignment_kind"
          value={v.assignment_kind}
          onValueChange={set('assignment_kind')}
          options={KINDS.map((k) => ({ value: k, label: t(`form.kinds.${k}`) }))}
          promptLabel={null}
        />
        <TextField label={t('form.termStart')} name="term_start" type="date" value={v.term_start} onValueChange={set('term_start')} required />
        <TextField label={t('form.termEnd')} name="term_end" type="date" value={v.term_end} onValueChange={set('term_end')} required />
        <TextField label={t('form.doctorDeadline')} name="doctor_deadline" type="date" value={v.doctor_deadline} onValueChange={set('doctor_deadline')} required />
        <TextField
          label={t('form.facilityDeadline')}
          name="facility_deadline"
          type="date"
          value={v.facility_deadline}
          onValueChange={set('facility_deadline')}
          required
        />
      </div>
      <SubmitButton busy={busy} label={creating ? t('form.create') : t('form.save')} busyLabel={creating ? t('form.creating') : t('form.saving')} />
    </form>
  );
}
