import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { useCurrentUser } from '../../../shared/session/use_session';
import { formatDate } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { DataTable } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextField } from '../../../shared/ui/text_field';
import { TextLink } from '../../../shared/ui/text_link';
import { useCases, useCreateCase, useGrid, type WorkenvCase } from '../api/workenv_api';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** The prefecture's cases, newest first, and the form that opens one (受付). */
export function CasesPage() {
  const { t, language } = useWorkenvTranslation();
  const text = useMessageText();
  useDocumentTitle(t('cases.title'));
  const cases = useCases();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('cases.title')}</PageHeading>
        <WorkenvNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('cases.lead')}</p>
      </div>
      {cases.isPending && <LoadingIndicator />}
      {cases.isError && (
        <Alert kind="error">
          <p>{text(messageForError(cases.error))}</p>
        </Alert>
      )}
      {cases.data !== undefined &&
        (cases.data.items.length === 0 ? (
          <p className="text-std-16N-170">{t('cases.empty')}</p>
        ) : (
          <DataTable<WorkenvCase>
            caption={t('cases.caption')}
            rows={cases.data.items}
            rowKey={(c) => c.id}
            columns={[
              { header: t('cases.titleLabel'), cell: (c) => <TextLink to={`/workenv/cases/${c.id}`}>{c.title}</TextLink> },
              { header: t('cases.hospital'), cell: (c) => c.hospital.name },
              { header: t('cases.kind'), cell: (c) => c.kind_label },
              { header: t('cases.topics'), cell: (c) => c.topic_labels.join('、') },
              { header: t('cases.status'), cell: (c) => c.status_label },
              { header: t('cases.assignee'), cell: (c) => c.assignee?.name ?? t('cases.none') },
              {
                header: t('cases.due'),
                cell: (c) =>
                  c.due_date === null ? (
                    '—'
                  ) : (
                    <span className="flex flex-wrap items-center gap-1">
                      {formatDate(c.due_date, language)}
                      {c.overdue && <Badge kind="urgent">{t('today.overdue')}</Badge>}
                    </span>
                  ),
              },
            ]}
          />
        ))}
      {cases.data !== undefined && <NewCaseForm choices={cases.data.choices} />}
    </div>
  );
}

function NewCaseForm({ choices }: { choices: NonNullable<ReturnType<typeof useCases>['data']>['choices'] }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const grid = useGrid();
  const create = useCreateCase();
  const [hospital, setHospital] = useState('');
  const [kind, setKind] = useState('consultation');
  const [channel, setChannel] = useState('phone');
  const [title, setTitle] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [mine, setMine] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOther(null);
    try {
      const created = await create.mutateAsync({
        hospital_id: hospital,
        kind,
        channel,
        title,
        topics,
        due_date: due,
        note,
        ...(mine && me.data ? { assignee_id: me.data.id } : {}),
      });
      void navigate(`/workenv/cases/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setOther(text(messageForError(error)));
    }
  }

  return (
    <section aria-labelledby="case-new" className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8">
      <SectionHeading id="case-new">{t('cases.new')}</SectionHeading>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-5">
        <SelectField
          label={t('cases.hospital')}
          name="hospital_id"
          value={hospital}
          options={(grid.data?.items ?? []).map((row) => ({ value: row.hospital.id, label: row.hospital.name }))}
          onValueChange={setHospital}
          error={errors.hospital_id}
          required
        />
        <SelectField label={t('cases.kind')} name="kind" value={kind} options={choices.kinds.map((c) => ({ value: c.code, label: c.label }))} onValueChange={setKind} error={errors.kind} promptLabel={null} required />
        <SelectField label={t('cases.channel')} name="channel" value={channel} options={choices.channels.map((c) => ({ value: c.code, label: c.label }))} onValueChange={setChannel} error={errors.channel} promptLabel={null} required />
        <TextField label={t('cases.titleLabel')} name="title" value={title} onValueChange={setTitle} error={errors.title} required />
        <fieldset className="flex flex-col gap-2">
          <legend className="text-std-16B-170">{t('cases.topics')}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {choices.topics.map((c) => (
              <CheckboxField
                key={c.code}
                label={c.label}
                name={`topic_${c.code}`}
                checked={topics.includes(c.code)}
                onCheckedChange={(checked) => setTopics((list) => (checked ? [...list, c.code] : list.filter((x) => x !== c.code)))}
              />
            ))}
          </div>
          {errors.topics !== undefined && <p className="text-std-16N-170 text-error-1">{errors.topics}</p>}
        </fieldset>
        <TextField label={t('cases.due')} name="due_date" type="date" value={due} onValueChange={setDue} error={errors.due_date} />
        <TextAreaField label={t('cases.note')} name="note" value={note} onValueChange={setNote} error={errors.note} rows={3} />
        <CheckboxField label={t('cases.assignToMe')} name="assign_to_me" checked={mine} onCheckedChange={setMine} />
        {other !== null && (
          <Alert kind="error">
            <p>{other}</p>
          </Alert>
        )}
        <SubmitButton busy={create.isPending} label={t('cases.create')} busyLabel={t('cases.create')} />
      </form>
    </section>
  );
}
