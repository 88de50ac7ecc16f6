import { useState, type FormEvent } from 'react';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge, type BadgeKind } from '../../../shared/ui/badge';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useRecruitOptions, useSendRecruitRequest, type RecruitRequest, type RecruitSlot } from '../api/careers_api';
import { useCareersTranslation } from '../i18n/careers_i18n';
import { ErrorList } from './error_list';

export const RECRUIT_STATE_BADGE: Record<RecruitRequest['state'], BadgeKind> = { sent: 'info', posted: 'success', declined: 'muted' };

/**
 * 募集の依頼: from an open slot of the plan the centre asks a platform facility of its prefecture to recruit (the
 * centre has no posting rights). The facility reads the period, the 診療科, the centre and the note — never the
 * doctor — and makes it a posting of its own or declines it; each request's state shows here.
 */
export function RecruitRequests({ doctorId, defaultDepartment }: { doctorId: string; defaultDepartment: string }) {
  const { t, language } = useCareersTranslation();
  const options = useRecruitOptions(doctorId);
  const send = useSendRecruitRequest(doctorId);
  const [slot, setSlot] = useState('');
  const [facility, setFacility] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [department, setDepartment] = useState(defaultDepartment);
  const [note, setNote] = useState('');
  if (options.isPending) return null;
  if (options.isError) return <ErrorList error={options.error} />;
  const { slots, facilities, requests } = options.data;
  const slotLabel = (s: RecruitSlot) => {
    const period = t('recruit.period', { start: formatDate(s.start, language), end: formatDate(s.end, language) });
    return s.kind === 'gap' ? t('recruit.gapSlot', { period }) : t('recruit.assignmentSlot', { period, facility: s.facility_name ?? '' });
  };
  function choose(value: string) {
    setSlot(value);
    const s = slots[Number(value)];
    if (value === '' || s === undefined) return;
    setStart(s.start);
    setEnd(s.end);
    if (s.facility_id !== null) setFacility(s.facility_id);
    if (s.department !== null) setDepartment(s.department);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const s = slot === '' ? undefined : slots[Number(slot)];
    send.mutate(
      { facility_id: facility, start, end, department: department || undefined, note: note || undefined, assignment_id: s?.assignment_id ?? undefined },
      { onSuccess: () => setNote('') },
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170 text-solid-gray-800">{t('recruit.lead')}</p>
      {slots.length === 0 ? (
        <Alert kind="info">
          <p>{t('recruit.noSlots')}</p>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          {send.isError && <ErrorList error={send.error} />}
          {send.isSuccess && (
            <Alert kind="success">
              <p>{t('recruit.sent', { facility: send.data.facility_name })}</p>
            </Alert>
          )}
          <SelectField label={t('recruit.slot')} name="recruit_slot" value={slot} onValueChange={choose}
            options={slots.map((s, i) => ({ value: String(i), label: slotLabel(s) }))} />
          <SelectField label={t('recruit.facility')} name="recruit_facility" value={facility} onValueChange={setFacility} required
            options={facilities.map((f) => ({
              value: f.id,
              label: [f.name, f.area_name, f.shortage_area ? t('recruit.shortage') : null].filter((x) => x !== null).join('・'),
            }))} />
          <div className="grid gap-4 desktop:grid-cols-3">
            <TextField label={t('recruit.start')} name="recruit_start" type="date" value={start} onValueChange={setStart} required />
            <TextField label={t('recruit.end')} name="recruit_end" type="date" value={end} onValueChange={setEnd} required />
            <TextField label={t('recruit.department')} name="recruit_department" value={department} onValueChange={setDepartment} />
          </div>
          <TextAreaField label={t('recruit.note')} name="recruit_note" value={note} onValueChange={setNote} rows={3} hint={t('recruit.noteHint')} />
          <div>
            <SubmitButton busy={send.isPending} label={t('recruit.send')} busyLabel={t('recruit.send')} />
          </div>
        </form>
      )}
      <h3 className="text-std-18B-160">{t('recruit.sentHeading')}</h3>
      {requests.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('recruit.none')}</p>
      ) : (
        <ul className="flex flex-col gap-3 text-std-16N-170">
          {requests.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 rounded-8 border border-solid-gray-420 p-4">
              <p className="flex flex-wrap items-center gap-2">
                <Badge kind={RECRUIT_STATE_BADGE[r.state]}>{r.state_label}</Badge>
                <span className="text-std-16B-170">{r.facility_name}</span>
                <span>{t('recruit.period', { start: formatDate(r.start, language), end: formatDate(r.end, language) })}</span>
                {r.department !== null && <span>{r.department}</span>}
              </p>
              <p className="text-solid-gray-700">{t('recruit.sentBy', { name: r.created_by, time: formatDateTime(r.created_at, language) })}</p>
              {r.handled_by !== null && r.handled_at !== null && (
                <p className="text-solid-gray-700">{t('recruit.handledBy', { name: r.handled_by, time: formatDateTime(r.handled_at, language) })}</p>
              )}
              {r.decline_reason !== null && <p>{t('recruit.reasonShown', { reason: r.decline_reason })}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
