import { forwardRef } from 'react';
import { Alert } from './alert';
import { describedByIds, FieldError, FieldHint, FieldLabel } from './field_parts';

/**
 * What every CSV upload page shares (the posting import, a hospital's hours):
 * the file field, and the refusal that lists each bad row's message. The
 * server checks every row first and stores nothing if one is wrong; its 400
 * (`import_failed`) names them in fields `row_N`.
 */

export interface RowError {
  row: number;
  message: string;
}

/** Row messages of a refused upload (fields row_N), in file order; other fields last. */
export function rowErrors(fields: Readonly<Record<string, string>>): RowError[] {
  return Object.entries(fields)
    .map(([key, message]) => ({ row: /^row_(\d+)$/.exec(key)?.[1], message }))
    .map(({ row, message }) => ({ row: row === undefined ? Number.MAX_SAFE_INTEGER : Number(row), message }))
    .sort((a, b) => a.row - b.row);
}

interface CsvFileFieldProps {
  id: string;
  label: string;
  hint: string;
  error?: string;
  onFileChange: (file: File | null) => void;
}

/** A required CSV file input with its label, hint and error, described for assistive technology. */
export function CsvFileField({ id, label, hint, error, onFileChange }: CsvFileFieldProps) {
  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={id} label={label} required />
      <FieldHint id={`${id}-hint`} hint={hint} />
      <input
        id={id}
        name="file"
        type="file"
        accept=".csv,text/csv"
        aria-required
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedByIds(id, true, error !== undefined)}
        onChange={(event) => onFileChange(event.target.files?.[0] ?? null)}
        className="block w-full rounded-8 border border-solid-gray-600 bg-white p-3 text-std-16N-170 text-solid-gray-900 file:mr-4 file:rounded-6 file:border file:border-blue-900 file:bg-white file:px-4 file:py-2 file:text-oln-16B-100 file:text-blue-900 aria-[invalid=true]:border-error-1"
      />
      {error !== undefined && <FieldError id={`${id}-error`} error={error} />}
    </div>
  );
}

/** The refusal of a whole file: the server's message and one line per bad row (focusable, for the page to move to). */
export const RowErrorsAlert = forwardRef<HTMLDivElement, { message: string; rows: readonly RowError[] }>(function RowErrorsAlert({ message, rows }, ref) {
  return (
    <Alert kind="error" ref={ref}>
      <p>{message}</p>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-6">
        {rows.map((row) => (
          <li key={row.row}>{row.message}</li>
        ))}
      </ul>
    </Alert>
  );
});
