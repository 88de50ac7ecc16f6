/**
 * Text a facility typed (duties, pay …), shown exactly as typed: line breaks
 * kept, and markup shown as the characters it is — React escapes it, and the
 * text is never inserted as HTML.
 */
export function FreeText({ text }: { text: string }) {
  return <p className="whitespace-pre-wrap break-words">{text}</p>;
}
