/**
 * Text a person typed (an inquiry, a message, a posting's duties, a report's
 * note), shown exactly as typed: line breaks kept, markup shown as the
 * characters it is (React escapes it; nothing is ever inserted as HTML).
 */
export function FreeText({ text }: { text: string }) {
  return <p className="whitespace-pre-wrap break-words">{text}</p>;
}
