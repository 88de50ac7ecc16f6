import { linkify } from '../linkify';

/** The body as plain text with its web addresses made clickable; line breaks kept as written. */
export function MailBody({ body }: { body: string }) {
  return (
    <div className="whitespace-pre-wrap break-words text-std-16N-170 text-solid-gray-900">
      {linkify(body).map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <a key={index} href={segment.href} className="break-all text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]">
            {segment.href}
          </a>
        ),
      )}
    </div>
  );
}
