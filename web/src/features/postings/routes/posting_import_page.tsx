import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText, type TranslationKey } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { buttonClassName } from '../../../shared/ui/button';
import { CsvFileField, RowErrorsAlert, type RowError } from '../../../shared/ui/csv_upload';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextLink } from '../../../shared/ui/text_link';
import { useImportPostings } from '../api/postings_api';
import { POSTING_CSV_COLUMNS, REQUIRED_CSV_COLUMNS, rowErrors, TEMPLATE_HEADER_ROW, TEMPLATE_URL } from '../csv_columns';

type Outcome =
  | { kind: 'imported'; count: number }
  | { kind: 'rowErrors'; message: string; rows: RowError[] }
  | { kind: 'failed'; message: string };

/**
 * 「CSVで一括登録」: the upload, the server's template for Excel (Windows-31J,
 * Japanese headers, one example row) and the columns. The file goes as it is:
 * the server reads UTF-8 (with or without a BOM) and Excel's Shift_JIS alike,
 * Japanese names as well as codes. It checks every row first and registers
 * nothing if any row is wrong, so the page lists each bad row's message (row
 * and column named) and nothing else changes.
 */
export function PostingImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('postingImport.title'));
  const text = useMessageText();
  const importPostings = useImportPostings();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome !== null) {
      outcomeRef.current?.focus();
    }
  }, [outcome]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (importPostings.isPending) {
      return;
    }
    setOutcome(null);
    if (file === null) {
      setFileError(t('postingImport.fileRequired'));
      document.getElementById(inputId)?.focus();
      return;
    }
    setFileError(undefined);
    try {
      const result = await importPostings.mutateAsync(file);
      setOutcome({ kind: 'imported', count: result.imported });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'import_failed') {
        setOutcome({ kind: 'rowErrors', message: error.message, rows: rowErrors(error.fields) });
      } else {
        setOutcome({ kind: 'failed', message: text(messageForError(error)) });
      }
    }
  }

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to="/facility/postings">{t('postingForm.backToList')}</TextLink>
        </p>
        <PageHeading>{t('postingImport.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('postingImport.lead')}</p>
      </div>

      <section aria-labelledby="import-upload" className="flex flex-col gap-6 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8">
        <SectionHeading id="import-upload">{t('postingImport.uploadHeading')}</SectionHeading>
        <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-6">
          <CsvFileField
            id={inputId}
            label={t('postingImport.fileLabel')}
            hint={t('postingImport.fileHint')}
            error={fileError}
            onFileChange={(chosen) => {
              setFile(chosen);
              setFileError(undefined);
              setOutcome(null);
            }}
          />
          <SubmitButton busy={importPostings.isPending} label={t('postingImport.submit')} busyLabel={t('postingImport.submitting')} />
        </form>
        {outcome?.kind === 'imported' && (
          <Alert kind="success" ref={outcomeRef}>
            <p>{t('postingImport.imported', { count: outcome.count })}</p>
            <p className="mt-2">
              <TextLink to="/facility/postings">{t('postingImport.toList')}</TextLink>
            </p>
          </Alert>
        )}
        {outcome?.kind === 'rowErrors' && <RowErrorsAlert ref={outcomeRef} message={outcome.message} rows={outcome.rows} />}
        {outcome?.kind === 'failed' && (
          <Alert kind="error" ref={outcomeRef}>
            <p>{outcome.message}</p>
          </Alert>
        )}
      </section>

      <section aria-labelledby="import-template" className="flex flex-col gap-4">
        <SectionHeading id="import-template">{t('postingImport.templateHeading')}</SectionHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('postingImport.templateText')}</p>
        <p>
          <a href={TEMPLATE_URL} download className={buttonClassName('secondary')}>
            {t('postingImport.templateLink')}
          </a>
        </p>
      </section>

      <section aria-labelledby="import-columns" className="flex flex-col gap-4">
        <SectionHeading id="import-columns">{t('postingImport.columnsHeading')}</SectionHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('postingImport.columnsText')}</p>
        <p className="text-std-16N-170 text-solid-gray-800">{t('postingImport.headerRowLabel')}</p>
        {/* Focusable and named, so keyboard users can scroll the long line (WCAG 2.1.1). */}
        <div
          role="region"
          tabIndex={0}
          aria-label={t('postingImport.headerRowLabel')}
          className="overflow-x-auto rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4"
        >
          <pre className="text-mono-14N-150">
            <code>{TEMPLATE_HEADER_ROW}</code>
          </pre>
        </div>
        <ol className="grid grid-cols-1 gap-2 desktop:grid-cols-2">
          {POSTING_CSV_COLUMNS.map((column) => (
            <li key={column.code} className="flex flex-col gap-1 rounded-8 border border-solid-gray-200 p-3 text-std-16N-170">
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-std-16B-170 text-solid-gray-900">{column.header}</span>
                <span className="text-dns-14N-130 text-solid-gray-700">{t('postingImport.columnCode', { code: column.code })}</span>
                {REQUIRED_CSV_COLUMNS.has(column.code) && <span className="text-dns-14N-130 text-error-1">{t('form.required')}</span>}
              </span>
              <span className="text-solid-gray-800">{t(`postingImport.columns.${column.code}` as TranslationKey)}</span>
            </li>
          ))}
        </ol>
        <ul className="flex list-disc flex-col gap-1 pl-6 text-std-16N-170 text-solid-gray-800">
          <li>{t('postingImport.rules.names')}</li>
          <li>{t('postingImport.rules.empty')}</li>
          <li>{t('postingImport.rules.booleans')}</li>
          <li>{t('postingImport.rules.dates')}</li>
          <li>{t('postingImport.rules.weekdays')}</li>
          <li>{t('postingImport.rules.encoding')}</li>
          <li>{t('postingImport.rules.allOrNothing')}</li>
        </ul>
      </section>
    </div>
  );
}
