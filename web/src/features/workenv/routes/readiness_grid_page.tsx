import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { apiRequest } from '../../../shared/api/api_client';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDate } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { DataTable } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { TextLink } from '../../../shared/ui/text_link';
import { useQueryClient } from '@tanstack/react-query';
import { useGrid, type GridRow } from '../api/workenv_api';
import { LightBadge } from '../components/light_badge';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** The readiness grid: the prefecture's hospitals × items, each a light in words with its due date. */
export function ReadinessGridPage() {
  const { t, language } = useWorkenvTranslation();
  const text = useMessageText();
  useDocumentTitle(t('grid.title'));
  const grid = useGrid();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);

  async function register(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRegistered(null);
    setBusy(true);
    try {
      const created = await apiRequest<{ hospital: { name: string } }>('POST', '/api/v1/workenv/hospitals', { body: { name } });
      setRegistered(created.hospital.name);
      setName('');
      setNameError(undefined);
      await queryClient.invalidateQueries({ queryKey: ['workenv'] });
    } catch (error) {
      setNameError(error instanceof ApiError && error.fields.name !== undefined ? error.fields.name : text(messageForError(error)));
    } finally {
      setBusy(false);
    }
  }

  const columns = grid.data?.columns ?? [];
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('grid.title')}</PageHeading>
        <WorkenvNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('grid.lead')}</p>
      </div>
      {grid.isPending && <LoadingIndicator />}
      {grid.isError && (
        <Alert kind="error">
          <p>{text(messageForError(grid.error))}</p>
        </Alert>
      )}
      {grid.data !== undefined &&
        (grid.data.items.length === 0 ? (
          <p className="text-std-16N-170">{t('grid.empty')}</p>
        ) : (
          <DataTable<GridRow>
            caption={t('grid.caption')}
            rows={grid.data.items}
            rowKey={(row) => row.hospital.id}
            columns={[
              { header: t('grid.hospital'), cell: (row) => <TextLink to={`/workenv/hospitals/${row.hospital.id}`}>{row.hospital.name}</TextLink>, className: 'min-w-48' },
              ...columns.map((column) => ({
                header: column.label,
                cell: (row: GridRow) => {
                  const item = row.items.find((i) => i.key === column.key);
                  if (item === undefined) return null;
                  return (
                    <span className="flex flex-col items-start gap-1">
                      <LightBadge light={item.light} />
                      <span className="text-dns-14N-130">{item.text}</span>
                      {item.due !== null && <span className="text-dns-14N-130">{t('grid.due', { date: formatDate(item.due, language) })}</span>}
                    </span>
                  );
                },
                className: 'min-w-40',
              })),
            ]}
          />
        ))}
      <section aria-labelledby="grid-register" className="flex flex-col gap-4">
        <SectionHeading id="grid-register">{t('grid.register')}</SectionHeading>
        <form noValidate onSubmit={(event) => void register(event)} className="flex flex-col gap-4">
          <TextField label={t('grid.nameLabel')} name="name" value={name} onValueChange={setName} error={nameError} required />
          <SubmitButton busy={busy} label={t('grid.registerSubmit')} busyLabel={t('grid.registerSubmit')} />
        </form>
        {registered !== null && (
          <Alert kind="success">
            <p>{t('grid.registered', { name: registered })}</p>
          </Alert>
        )}
      </section>
    </div>
  );
}
