import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { FieldError, FieldHint, FieldLabel } from '../ui/field_parts';
import { ACCEPT_ATTRIBUTE, addAttachments, formatFileSize, MAX_ATTACHMENTS, type AttachmentProblem } from './attachments';

interface AttachmentFieldProps {
  /** The id of the file input, for the error summary's link. */
  id: string;
  files: readonly File[];
  onFilesChange: (files: File[]) => void;
  /** The server's message (it has the last word on what a file really is). */
  error?: string;
}

/**
 * 添付ファイル of a help-desk inquiry, an announcement or an application
 * message: any number of picks add to the list (so files from several folders
 * can go together), each can be removed again. The allowed kinds and limits
 * are said up front; a file that breaks them is refused at once with its
 * name, and the others stay.
 */
export function AttachmentField({ id, files, onFilesChange, error }: AttachmentFieldProps) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<AttachmentProblem[]>([]);
  const hasProblems = problems.length > 0;
  const describedBy = [`${id}-hint`, hasProblems ? `${id}-problems` : null, error !== undefined ? `${id}-error` : null].filter(Boolean).join(' ');

  function choose(list: FileList | null): void {
    const result = addAttachments(files, list === null ? [] : [...list]);
    setProblems(result.problems);
    onFilesChange(result.files);
  }

  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={id} label={t('attachments.label')} required={false} />
      <FieldHint id={`${id}-hint`} hint={t('attachments.hint', { max: MAX_ATTACHMENTS })} />
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        aria-invalid={hasProblems || error !== undefined ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          choose(event.target.files);
          // Cleared, so choosing the same file again (after removing it) is noticed.
          event.target.value = '';
        }}
        className="block w-full min-w-0 rounded-8 border border-solid-gray-600 bg-white p-3 text-std-16N-170 text-solid-gray-900 file:mr-4 file:rounded-6 file:border file:border-blue-900 file:bg-white file:px-4 file:py-2 file:text-oln-16B-100 file:text-blue-900 aria-[invalid=true]:border-error-1"
      />
      {hasProblems && (
        <div id={`${id}-problems`} role="alert" className="flex flex-col gap-1 text-dns-16N-130 text-error-1">
          {problems.map((problem, index) => (
            <p key={index}>
              <span aria-hidden="true">＊</span>
              {t(`attachments.problems.${problem.kind}`, { filename: problem.filename, max: MAX_ATTACHMENTS })}
            </p>
          ))}
        </div>
      )}
      {error !== undefined && <FieldError id={`${id}-error`} error={error} />}
      {files.length > 0 && (
        <div className="flex flex-col gap-2">
          <p className="text-std-16B-170 text-solid-gray-800">{t('attachments.chosen', { count: files.length, max: MAX_ATTACHMENTS })}</p>
          <ul className="flex flex-col gap-2">
            {files.map((file, index) => (
              <li
                key={`${file.name}-${index}`}
                className="flex flex-wrap items-center justify-between gap-2 rounded-8 border border-solid-gray-200 px-3 py-2 text-std-16N-170"
              >
                <span className="min-w-0 break-all">
                  {file.name}
                  {t('attachments.size', { size: formatFileSize(file.size) })}
                </span>
                <Button
                  variant="text"
                  className="min-h-11 px-2"
                  aria-label={t('attachments.remove', { filename: file.name })}
                  onClick={() => {
                    setProblems([]);
                    onFilesChange(files.filter((_, i) => i !== index));
                  }}
                >
                  {t('attachments.removeShort')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
