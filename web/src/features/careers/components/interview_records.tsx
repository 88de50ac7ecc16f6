import { useState, type FormEvent } from 'react';
import { formatDate } from '../../../shared/text/format_date';
import { FreeText } from '../../../shared/ui/free_text';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useAddInterview, useCareerInterviews } from '../api/careers_api';
import { useCareersTranslation } from '../i18n/careers_i18n';
import { ErrorList } from './error_list';

const KINDS = ['interview', 'mentoring', 'phone'] as const;

/** 面談記録: the centre's own notes about a doctor (never shown to the doctor; each read is audited). */
export function InterviewRecords({ doctorId }: { doctorId: string }) {
  const { t, language } = useCareersTranslation();
  const records = useCareerInterviews(doctorId);
  const add = useAddInterview(doctorId);
  const [heldOn, setHeldOn] = useState('');
  const [kind, setKind] = useState<string>('interview');
  const [body, setBody] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ held_on: heldOn, kind, body }, { onSuccess: () => setBody('') });
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170 text-solid-gray-800">{t('interviews.lead')}</p>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {add.isError && <ErrorList error={add.error} />}
        <div className="grid gap-4 desktop:grid-cols-2">
          <TextField label={t('interviews.heldOn')} name="held_on" type="date" value={heldOn} onValueChange={setHeldOn} required />
          <SelectField label={t('interviews.kind')} name="interview_kind" value={kind} onValueChange={setKind} promptLabel={null}
            options={KINDS.map((k) => ({ value: k, label: t(`interviews.kinds.${k}`) }))} />
        </div>
        <TextAreaField label={t('interviews.body')} name="interview_body" value={body} onValueChange={setBody} rows={3} required />
        <div>
          <SubmitButton busy={add.isPending} label={t('interviews.add')} busyLabel={t('interviews.add')} />
        </div>
      </form>
      <ul className="flex flex-col gap-3 text-std-16N-170">
        {records.data?.items.map((r) => (
          <li key={r.id} className="rounded-8 border border-solid-gray-420 p-4">
            <p className="text-std-16B-170">
              {formatDate(r.held_on, language)} {r.kind_label}（{r.created_by}）
            </p>
            <FreeText text={r.body} />
          </li>
        ))}
      </ul>
    </div>
  );
}
