import { forwardRef } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';

/** A refused request: the server's message for each field (each names the field, the position or the cap in Japanese). */
export const ErrorList = forwardRef<HTMLDivElement, { error: unknown }>(function ErrorList({ error }, ref) {
  const text = useMessageText();
  const fields = error instanceof ApiError ? Object.values(error.fields) : [];
  return (
    <Alert kind="error" ref={ref}>
      {fields.length === 0 ? (
        <p>{text(messageForError(error))}</p>
      ) : (
        <ul className="list-disc pl-6">
          {fields.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
});
