/**
 * Splits a plain-text mail body into text and http(s) links, so the mail page
 * can render links as <a> elements while everything else stays text. Nothing
 * here produces HTML: a body containing markup is shown as the characters it is.
 */
export type BodySegment = { kind: 'text'; text: string } | { kind: 'link'; href: string };

// A URL ends at whitespace (including the ideographic space), at characters that
// cannot appear unescaped in a URL, or at Japanese punctuation and brackets,
// which mails often put right after a link.
const URL_PATTERN = /https?:\/\/[^\s<>"'`{}|\\^、。，．「」『』（）【】〈〉《》]+/g;

// Sentence punctuation directly after a URL belongs to the sentence, not the URL.
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

export function linkify(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let textStart = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const candidate = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index;
    if (!isHttpUrl(candidate)) {
      continue;
    }
    if (start > textStart) {
      segments.push({ kind: 'text', text: body.slice(textStart, start) });
    }
    segments.push({ kind: 'link', href: candidate });
    textStart = start + candidate.length;
  }
  if (textStart < body.length) {
    segments.push({ kind: 'text', text: body.slice(textStart) });
  }
  return segments;
}

function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
