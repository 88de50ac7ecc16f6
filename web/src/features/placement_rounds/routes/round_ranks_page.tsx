import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { ErrorList } from '../components/error_list';
import {
  useRoundRanks,
  useSaveDoctorRanks,
  useSavePositionRanks,
  type EnteredBy,
  type RanksDoctor,
  type RanksPosition,
  type RoundRanks,
} from '../api/placement_rounds_api';
import { RankOrderEditor } from '../components/rank_order_editor';
import { RoundFrame } from '../components/round_frame';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

/** At most this many choices per doctor in the form (the server takes up to 30). */
const MAX_CHOICES = 10;

function Entered({ entered }: { entered: EnteredBy | null }) {
  const { t, language } = usePlacementRoundsTranslation();
  if (entered === null) return null;
  return (
    <p className="text-std-16N-170 text-solid-gray-700">
      {t('ranks.entered', { kind: entered.kind_label, by: entered.by, at: formatDateTime(entered.at, language) })}
      {entered.interview_on !== undefined && entered.interview_on !== null && `・${t('ranks.interviewOn', { date: formatDate(entered.interview_on, language) })}`}
    </p>
  );
}

function DoctorRanksForm({ roundId, doctor, positions, onDone }: { roundId: string; doctor: RanksDoctor; positions: RanksPosition[]; onDone: () => void }) {
  const { t } = usePlacementRoundsTranslation();
  const save = useSaveDoctorRanks(roundId);
  const slots = Math.min(Math.max(positions.length, 1), MAX_CHOICES);
  const [choices, setChoices] = useState<string[]>(() => Array.from({ length: slots }, (_, i) => doctor.ranks[i]?.position_id ?? ''));
  const [interviewOn, setInterviewOn] = useState(doctor.entered?.interview_on ?? '');
  const options = [{ value: '', label: t('ranks.none') }, ...positions.map((p) => ({ value: p.id, label: `${p.name}（${p.area_name}）` }))];

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ doctorId: doctor.id, positionIds: choices.filter((c) => c !== ''), interviewOn }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4">
      {save.isError && <ErrorList error={save.error} />}
      <TextField label={t('ranks.interviewDate')} name={`interview-${doctor.id}`} type="date" value={interviewOn} onValueChange={setInterviewOn} />
      <div className="grid gap-3 desktop:grid-cols-2">
        {choices.map((choice, index) => (
          <SelectField
            key={index}
            label={t('ranks.choice', { n: index + 1 })}
            name={`choice-${doctor.id}-${index + 1}`}
            value={choice}
            onValueChange={(value) => setChoices((all) => all.map((c, i) => (i === index ? value : c)))}
            options={options}
            promptLabel={null}
          />
        ))}
      </div>
      <SubmitButton busy={save.isPending} label={t('ranks.save')} busyLabel={t('ranks.saving')} />
    </form>
  );
}

function DoctorsSection({ roundId, ranks }: { roundId: string; ranks: RoundRanks }) {
  const { t } = usePlacementRoundsTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const open = ranks.state === 'open';
  const shown = ranks.doctors.filter((d) => filter.trim() === '' || d.name.includes(filter.trim()));
  const entered = ranks.doctors.filter((d) => d.ranks.length > 0).length;
  return (
    <section aria-labelledby="doctor-ranks" className="flex flex-col gap-4">
      <SectionHeading id="doctor-ranks">{t('ranks.doctorsHeading')}</SectionHeading>
      <p className="text-std-16N-170 text-solid-gray-800">{t('ranks.doctorsLead')}</p>
      <p className="text-std-16N-170 text-solid-gray-900">{t('ranks.eligible', { count: ranks.doctors.length, ranked: entered })}</p>
      {saved !== null && (
        <Alert kind="success">
          <p>{t('ranks.saved', { name: saved })}</p>
        </Alert>
      )}
      <div className="desktop:max-w-md">
        <TextField label={t('ranks.filter')} name="doctor-filter" value={filter} onValueChange={setFilter} />
      </div>
      <ul className="flex flex-col gap-3">
        {shown.map((d) => (
          <li key={d.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4">
            <h3 className="text-std-17B-170 text-solid-gray-900">{d.name}</h3>
            <p className="text-std-16N-170 text-solid-gray-700">
              {t('order.profile', { university: d.university, year: d.graduation_year })}
              {d.specialty_wish !== null && `・${t('order.wish', { specialty: d.specialty_wish })}`}
              {d.programme_name !== null && `・${d.programme_name}`}
            </p>
            {d.ranks.length === 0 ? (
              <p className="text-std-16N-170 text-solid-gray-800">{t('ranks.noRanks')}</p>
            ) : (
              <ol className="list-decimal pl-6 text-std-16N-170">
                {d.ranks.map((r) => (
                  <li key={r.position_id}>{r.name}</li>
                ))}
              </ol>
            )}
            <Entered entered={d.entered} />
            {open && (
              <div>
                <Button
                  variant="secondary"
                  aria-expanded={editing === d.id}
                  onClick={() => {
                    setSaved(null);
                    setEditing(editing === d.id ? null : d.id);
                  }}
                >
                  {editing === d.id ? t('ranks.close') : t('ranks.edit', { name: d.name })}
                </Button>
              </div>
            )}
            {open && editing === d.id && (
              <DoctorRanksForm
                roundId={roundId}
                doctor={d}
                positions={ranks.positions}
                onDone={() => {
                  setEditing(null);
                  setSaved(d.name);
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FacilitiesSection({ roundId, ranks }: { roundId: string; ranks: RoundRanks }) {
  const { t } = usePlacementRoundsTranslation();
  const save = useSavePositionRanks(roundId);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const open = ranks.state === 'open';
  return (
    <section aria-labelledby="facility-ranks" className="flex flex-col gap-4">
      <SectionHeading id="facility-ranks">{t('ranks.facilitiesHeading')}</SectionHeading>
      <p className="text-std-16N-170 text-solid-gray-800">{t('ranks.facilitiesLead')}</p>
      {saved !== null && (
        <Alert kind="success">
          <p>{t('ranks.savedFacility', { name: saved })}</p>
        </Alert>
      )}
      {save.isError && <ErrorList error={save.error} />}
      <ul className="flex flex-col gap-3">
        {ranks.positions.map((p) => (
          <li key={p.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4">
            <h3 className="flex flex-wrap items-center gap-2 text-std-17B-170 text-solid-gray-900">
              {p.name}
              {p.on_platform && <Badge kind="info">{t('positions.onPlatform')}</Badge>}
            </h3>
            <p className="text-std-16N-170 text-solid-gray-700">{t('ranks.applicants', { count: p.applicants.length })}</p>
            {p.applicants.length === 0 ? (
              <p className="text-std-16N-170 text-solid-gray-800">{t('ranks.noApplicants')}</p>
            ) : p.ranks.length === 0 ? (
              <p className="text-std-16N-170 text-solid-gray-800">{t('positions.notRanked')}</p>
            ) : (
              <ol className="list-decimal pl-6 text-std-16N-170">
                {p.ranks.map((r) => (
                  <li key={r.doctor_id}>{r.name}</li>
                ))}
              </ol>
            )}
            <Entered entered={p.entered} />
            {open && p.applicants.length > 0 && (
              <div>
                <Button
                  variant="secondary"
                  aria-expanded={editing === p.id}
                  onClick={() => {
                    setSaved(null);
                    setEditing(editing === p.id ? null : p.id);
                  }}
                >
                  {editing === p.id ? t('ranks.close') : t('ranks.enterForFacility', { name: p.name })}
                </Button>
              </div>
            )}
            {open && editing === p.id && (
              <RankOrderEditor
                key={p.ranks.map((r) => r.doctor_id).join()}
                candidates={p.applicants.map((a) => ({ id: a.id, name: a.name }))}
                initial={p.ranks.map((r) => r.doctor_id)}
                busy={save.isPending}
                onSave={(doctorIds) =>
                  save.mutate(
                    { positionId: p.id, doctorIds },
                    {
                      onSuccess: () => {
                        setEditing(null);
                        setSaved(p.name);
                      },
                    },
                  )
                }
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RanksContent() {
  const { id = '' } = useParams();
  const text = useMessageText();
  const ranks = useRoundRanks(id);
  return (
    <>
      {ranks.isPending && <LoadingIndicator />}
      {ranks.isError && (
        <Alert kind="error">
          <p>{text(messageForError(ranks.error))}</p>
        </Alert>
      )}
      {ranks.data !== undefined && (
        <div className="flex flex-col gap-10">
          <DoctorsSection roundId={id} ranks={ranks.data} />
          <FacilitiesSection roundId={id} ranks={ranks.data} />
        </div>
      )}
    </>
  );
}

/** Step 2 of a round: the doctors' ranks (entered by the centre from the interviews) and the facilities' ranks. */
export function RoundRanksPage() {
  return <RoundFrame tab="ranks">{() => <RanksContent />}</RoundFrame>;
}
