/**
 * Text a user typed (a report's note), shown exactly as typed: line breaks
 * kept, markup shown as the characters it is (React escapes it).
 */
export function FreeText({ text }: { text: string }) {
  return <p className="whitespace-pre-wrap break-words">{text}</p>;
}
