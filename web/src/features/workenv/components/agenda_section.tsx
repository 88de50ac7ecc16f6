import { useState } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { useUpdateMeeting, type AgendaItem, type Meeting } from '../api/meetings_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

type Draft = { title: string; outcome_kind: string; outcome: string };

/** The agenda with each item's outcome (共有 / 決定 / 対応事項); the organisers edit it until the minutes are locked. */
export function AgendaSection({ meeting }: { meeting: Meeting }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const update = useUpdateMeeting(meeting.id);
  const [editing, setEditing] = useState(false);
  const [items, setItems] = useState<Draft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const start = () => {
    setItems(meeting.items.map((i: AgendaItem) => ({ title: i.title, outcome_kind: i.outcome_kind ?? '', outcome: i.outcome })));
    setEditing(true);
    setSaved(false);
  };
  const change = (index: number, patch: Partial<Draft>) => setItems((list) => list.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  async function save() {
    setError(null);
    try {
      await update.mutateAsync({ items: items.filter((i) => i.title.trim() !== '').map((i) => ({ ...i, outcome_kind: i.outcome_kind === '' ? null : i.outcome_kind })) });
      setEditing(false);
      setSaved(true);
    } catch (e) {
      setError(e instanceof ApiError && Object.keys(e.fields).length > 0 ? Object.values(e.fields).join(' ') : text(messageForError(e)));
    }
  }
  const kinds = [
    { value: 'shared', label: t('meeting.outcomeKinds.shared') },
    { value: 'decided', label: t('meeting.outcomeKinds.decided') },
    { value: 'action', label: t('meeting.outcomeKinds.action') },
  ];
  return (
    <section aria-labelledby="meeting-agenda" className="flex flex-col gap-3">
      <SectionHeading id="meeting-agenda">{t('meeting.agenda')}</SectionHeading>
      {saved && (
        <Alert kind="success">
          <p>{t('meeting.agendaSaved')}</p>
        </Alert>
      )}
      {!editing ? (
        <>
          {meeting.items.length === 0 ? (
            <p className="text-std-16N-170">{t('meeting.noAgenda')}</p>
          ) : (
            <ol className="flex flex-col gap-3">
              {meeting.items.map((i) => (
                <li key={i.position} className="flex flex-col gap-1 text-std-16N-170">
                  <span className="font-bold">
                    {i.position}. {i.title}
                  </span>
                  {i.outcome_kind_label !== null && (
                    <span className="flex flex-wrap items-start gap-2">
                      <Badge kind={i.outcome_kind === 'decided' ? 'success' : i.outcome_kind === 'action' ? 'info' : 'neutral'}>{i.outcome_kind_label}</Badge>
                      <span className="whitespace-pre-wrap">{i.outcome}</span>
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
          {meeting.can_edit && (
            <p>
              <Button variant="secondary" onClick={start}>
                {t('meeting.editAgenda')}
              </Button>
            </p>
          )}
        </>
      ) : (
        <div className="flex flex-col gap-5">
          {items.map((item, index) => (
            <fieldset key={index} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
              <legend className="px-1 text-std-16B-170">{t('meeting.itemLegend', { number: index + 1 })}</legend>
              <TextField label={t('meeting.itemTitle')} name={`item-title-${index}`} value={item.title} onValueChange={(v) => change(index, { title: v })} />
              <SelectField
                label={t('meeting.outcomeKind')}
                name={`item-kind-${index}`}
                value={item.outcome_kind}
                options={kinds}
                onValueChange={(v) => change(index, { outcome_kind: v })}
                promptLabel={t('meeting.noOutcome')}
              />
              <TextAreaField label={t('meeting.outcome')} name={`item-outcome-${index}`} value={item.outcome} onValueChange={(v) => change(index, { outcome: v })} rows={2} />
            </fieldset>
          ))}
          <div className="flex flex-wrap gap-3">
            <Button variant="secondary" onClick={() => setItems((list) => [...list, { title: '', outcome_kind: '', outcome: '' }])}>
              {t('meeting.addItem')}
            </Button>
            <Button busy={update.isPending} onClick={() => void save()}>
              {t('meeting.saveAgenda')}
            </Button>
            <Button variant="text" onClick={() => setEditing(false)}>
              {t('meeting.cancel')}
            </Button>
          </div>
          {error !== null && (
            <Alert kind="error">
              <p>{error}</p>
            </Alert>
          )}
        </div>
      )}
    </section>
  );
}
