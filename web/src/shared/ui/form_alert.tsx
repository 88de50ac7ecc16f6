import type { RefObject } from 'react';
import type { Message } from '../i18n/message';
import { useMessageText } from '../i18n/message';
import { Alert } from './alert';

/** A field error listed in the summary, linking to the input it belongs to. */
export interface FieldErrorLink {
  /** The id of the input (or of a group's first input). */
  targetId: string;
  message: Message;
}

/**
 * The error summary above a form; it exists only while there is something to
 * say, so it is announced when it appears. Long forms also list every field
 * error as a link that moves focus to its input (WCAG 3.3.1, 2.4.3).
 */
export function FormAlert({
  messages,
  alertRef,
  fieldLinks = [],
}: {
  messages: readonly Message[];
  alertRef: RefObject<HTMLDivElement | null>;
  fieldLinks?: readonly FieldErrorLink[];
}) {
  const text = useMessageText();
  if (messages.length === 0 && fieldLinks.length === 0) {
    return null;
  }
  return (
    <Alert kind="error" ref={alertRef}>
      {messages.map((message, index) => (
        <p key={index}>{text(message)}</p>
      ))}
      {fieldLinks.length > 0 && (
        <ul className="mt-2 flex list-disc flex-col gap-1 pl-6">
          {fieldLinks.map((link) => (
            <li key={link.targetId}>
              <a
                href={`#${link.targetId}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.getElementById(link.targetId);
                  target?.focus();
                  target?.scrollIntoView?.({ block: 'center' });
                }}
                className="text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]"
              >
                {text(link.message)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
