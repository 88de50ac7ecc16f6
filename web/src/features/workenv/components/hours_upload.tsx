import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { CsvFileField, rowErrors, RowErrorsAlert, type RowError } from '../../../shared/ui/csv_upload';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { useUploadHours } from '../api/workenv_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

type Outcome =
  | { kind: 'uploaded'; month: string; rows: number; replaced: boolean }
  | { kind: 'rowErrors'; message: string; rows: RowError[] }
  | { kind: 'failed'; message: string };

/**
 * A month's hours as CSV: the file goes as it is (the server reads Windows-31J
 * and UTF-8 alike). All rows or none: a refused file lists each bad row's
 * message, row and column named.
 */
export function HoursUpload({ hospitalId, onUploaded }: { hospitalId: string; onUploaded: (month: string) => void }) {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  const upload = useUploadHours(hospitalId);
  const fileId = useId();
  const [month, setMonth] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ month?: string; file?: string }>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome !== null) outcomeRef.current?.focus();
  }, [outcome]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (upload.isPending) return;
    setOutcome(null);
    const problems: { month?: string; file?: string } = {};
    if (!/^\d{4}-\d{2}$/.test(month)) problems.month = t('hours.monthRequired');
    if (file === null) problems.file = t('hours.fileRequired');
    setErrors(problems);
    if (problems.month !== undefined || problems.file !== undefined || file === null) return;
    try {
      const result = await upload.mutateAsync({ month, file });
      setOutcome({ kind: 'uploaded', month: result.month, rows: result.rows, replaced: result.replaced });
      onUploaded(result.month);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'import_failed') {
        setOutcome({ kind: 'rowErrors', message: error.message, rows: rowErrors(error.fields) });
      } else if (error instanceof ApiError && error.fields.month !== undefined) {
        setErrors({ month: error.fields.month });
      } else {
        setOutcome({ kind: 'failed', message: text(messageForError(error)) });
      }
    }
  }

  return (
    <section aria-labelledby="hours-upload" className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8">
      <SectionHeading id="hours-upload">{t('hours.uploadHeading')}</SectionHeading>
      <p className="text-std-16N-170 text-solid-gray-800">{t('hours.uploadLead')}</p>
      <p className="text-std-16N-170">
        <a className={TEXT_LINK_CLASSES} href="/api/v1/workenv/hours/template.csv" download>
          {t('hours.template')}
        </a>
      </p>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-6">
        <TextField label={t('hours.month')} name="month" value={month} onValueChange={setMonth} hint={t('hours.monthHint')} error={errors.month} required />
        <CsvFileField
          id={fileId}
          label={t('hours.file')}
          hint={t('hours.uploadLead')}
          error={errors.file}
          onFileChange={(chosen) => {
            setFile(chosen);
            setErrors((e) => ({ ...e, file: undefined }));
          }}
        />
        <SubmitButton busy={upload.isPending} label={t('hours.submit')} busyLabel={t('hours.submitting')} />
      </form>
      {outcome?.kind === 'uploaded' && (
        <Alert kind="success" ref={outcomeRef}>
          <p>{t('hours.uploaded', { month: outcome.month, rows: outcome.rows })}</p>
          {outcome.replaced && <p>{t('hours.replaced')}</p>}
        </Alert>
      )}
      {outcome?.kind === 'rowErrors' && <RowErrorsAlert ref={outcomeRef} message={outcome.message} rows={outcome.rows} />}
      {outcome?.kind === 'failed' && (
        <Alert kind="error" ref={outcomeRef}>
          <p>{outcome.message}</p>
        </Alert>
      )}
    </section>
  );
}
