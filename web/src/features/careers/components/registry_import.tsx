import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { describedByIds, FieldError, FieldHint, FieldLabel } from '../../../shared/ui/field_parts';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { useImportRegistry } from '../api/careers_api';
import { useCareersTranslation } from '../i18n/careers_i18n';

type Outcome = { kind: 'imported'; count: number } | { kind: 'rows'; message: string; rows: string[] } | { kind: 'failed'; message: string };

/** The registry from a CSV file (the export's headers; all rows or none, each problem naming its row and column). */
export function RegistryImport() {
  const { t } = useCareersTranslation();
  const text = useMessageText();
  const upload = useImportRegistry();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (file === null) {
      setFileError(t('import.fileRequired'));
      return;
    }
    try {
      const r = await upload.mutateAsync(file);
      setOutcome({ kind: 'imported', count: r.imported });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'import_failed') {
        // row_2, row_3, … in the file's order.
        const rows = Object.entries(error.fields)
          .sort(([a], [b]) => Number(a.replace('row_', '')) - Number(b.replace('row_', '')))
          .map(([, message]) => message);
        setOutcome({ kind: 'rows', message: error.message, rows });
      } else {
        setOutcome({ kind: 'failed', message: text(messageForError(error)) });
      }
    }
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <FieldLabel htmlFor={inputId} label={t('import.fileLabel')} required />
        <FieldHint id={`${inputId}-hint`} hint={t('import.fileHint')} />
        <input
          id={inputId}
          name="registry_file"
          type="file"
          accept=".csv,text/csv"
          aria-required
          aria-invalid={fileError !== undefined ? true : undefined}
          aria-describedby={describedByIds(inputId, true, fileError !== undefined)}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileError(undefined);
            setOutcome(null);
          }}
          className="block w-full rounded-8 border border-solid-gray-600 bg-white p-3 text-std-16N-170 text-solid-gray-900 file:mr-4 file:rounded-6 file:border file:border-blue-900 file:bg-white file:px-4 file:py-2 file:text-oln-16B-100 file:text-blue-900"
        />
        {fileError !== undefined && <FieldError id={`${inputId}-error`} error={fileError} />}
      </div>
      <SubmitButton busy={upload.isPending} label={t('import.submit')} busyLabel={t('import.submitting')} />
      {outcome?.kind === 'imported' && (
        <Alert kind="success">
          <p>{t('import.imported', { count: outcome.count })}</p>
        </Alert>
      )}
      {outcome?.kind === 'rows' && (
        <Alert kind="error">
          <p>{outcome.message}</p>
          <ul className="mt-2 flex list-disc flex-col gap-1 pl-6">
            {outcome.rows.map((row) => (
              <li key={row}>{row}</li>
            ))}
          </ul>
        </Alert>
      )}
      {outcome?.kind === 'failed' && (
        <Alert kind="error">
          <p>{outcome.message}</p>
        </Alert>
      )}
    </form>
  );
}
