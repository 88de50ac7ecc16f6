import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText, type Message } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { FieldError } from '../../../shared/ui/field_parts';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { useSendContactRequests } from '../api/matching_api';
import { useMatchingTranslation } from '../i18n/matching_i18n';

export const CONTACT_REQUEST_FORM_ID = 'contact-request-form';

interface ContactRequestFormProps {
  postingId: string;
  /** The handles chosen on the cards, in the order they were chosen. */
  selected: readonly string[];
  onRemove: (handle: string) => void;
  /** After a send: the chosen handles are cleared by the page. */
  onSent: () => void;
  /** How many requests the posting may still send today (absent when the server does not say). */
  requestsLeft: number | undefined;
}

/**
 * 「コンタクト依頼を送る」: the chosen candidates and an optional message,
 * which the page says goes to the coordinator and never to the candidate
 * (free text could name the facility). The server checks the choice (one
 * already asked, one who turned requests off, the daily limit); its Japanese
 * message lands next to the list of chosen candidates or the message field.
 */
export function ContactRequestForm({ postingId, selected, onRemove, onSent, requestsLeft }: ContactRequestFormProps) {
  const { t } = useMatchingTranslation();
  const text = useMessageText();
  const send = useSendContactRequests(postingId);
  const [message, setMessage] = useState('');
  const [summary, setSummary] = useState<Message | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ candidates?: string; message?: string }>({});
  const [sentCount, setSentCount] = useState<number | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const selectionLabelId = useId();
  const candidatesErrorId = useId();

  useEffect(() => {
    if (sentCount !== null || summary !== null) {
      resultRef.current?.focus();
    }
  }, [sentCount, summary]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (send.isPending) {
      return;
    }
    setSummary(null);
    setFieldErrors({});
    setSentCount(null);
    try {
      const result = await send.mutateAsync({ candidates: [...selected], message });
      setMessage('');
      setSentCount(result.items.length);
      onSent();
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fields : {};
      setFieldErrors({ candidates: fields.candidates, message: fields.message });
      // A field's message is shown at the field; the summary says what else went wrong (the daily limit, say).
      const atFields = fields.candidates !== undefined || fields.message !== undefined;
      setSummary(atFields ? { key: 'form.checkFields' } : messageForError(caught));
    }
  }

  return (
    <section id={CONTACT_REQUEST_FORM_ID} aria-labelledby={headingId} tabIndex={-1} className="flex flex-col gap-4 rounded-12 border-2 border-blue-900 bg-white p-5 focus:outline-none desktop:p-6">
      <h2 id={headingId} className="text-std-24B-150 text-solid-gray-900">
        {t('candidates.send.heading')}
      </h2>
      <p className="text-std-16N-170 text-solid-gray-800">{t('candidates.send.lead')}</p>
      {sentCount !== null && (
        <Alert kind="success" ref={resultRef}>
          <p>{t('candidates.send.sent', { count: sentCount })}</p>
        </Alert>
      )}
      {summary !== null && (
        <Alert kind="error" ref={resultRef}>
          <p>{text(summary)}</p>
        </Alert>
      )}
      {requestsLeft !== undefined && (
        <p className="text-std-16B-170 text-solid-gray-900" data-requests-left={requestsLeft}>
          {requestsLeft > 0 ? t('candidates.send.left', { count: requestsLeft }) : t('candidates.send.leftNone')}
        </p>
      )}
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        <div
          role="group"
          aria-labelledby={selectionLabelId}
          aria-describedby={fieldErrors.candidates !== undefined ? candidatesErrorId : undefined}
          className="flex flex-col gap-2"
        >
          <p id={selectionLabelId} className="text-std-17B-170 text-solid-gray-900">
            {selected.length > 0 ? t('candidates.send.selected', { count: selected.length }) : t('candidates.send.selectionLabel')}
          </p>
          {selected.length === 0 ? (
            <p className="text-std-16N-170 text-solid-gray-800">{t('candidates.send.noneSelected')}</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {selected.map((handle) => (
                <li key={handle} className="inline-flex items-center gap-2 rounded-8 border border-solid-gray-420 bg-solid-gray-50 py-1 pl-3 pr-1">
                  <span className="text-std-16N-170 text-solid-gray-900">{handle}</span>
                  <Button variant="text" className="min-h-11 px-2" onClick={() => onRemove(handle)}>
                    {t('candidates.send.remove')}
                    <span className="sr-only">{t('candidates.send.removeFor', { handle })}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {fieldErrors.candidates !== undefined && <FieldError id={candidatesErrorId} error={fieldErrors.candidates} />}
        </div>
        <TextAreaField
          name="message"
          label={t('candidates.send.messageLabel')}
          hint={t('candidates.send.messageHint')}
          maxLength={1000}
          rows={4}
          value={message}
          onValueChange={setMessage}
          error={fieldErrors.message}
        />
        <SubmitButton busy={send.isPending} label={t('candidates.send.submit')} busyLabel={t('candidates.send.sending')} />
      </form>
    </section>
  );
}
