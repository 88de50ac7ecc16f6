/**
 * Attachments of help-desk inquiries, announcements and application messages (the server checks all three
 * with the same code) travel inside the JSON body as base64
 * (`attachments: [{filename, content_type, data_base64}]`). The server
 * recognises a file by its bytes and has the last word; the same limits are
 * checked here first, so a user hears about a wrong file as soon as they
 * choose it instead of after sending.
 */

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** What the server accepts, by extension (it checks the bytes too). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  txt: 'text/plain',
  csv: 'text/csv',
};

export const ALLOWED_EXTENSIONS = Object.keys(CONTENT_TYPES);

/** For the file input's `accept`: the extensions, so the picker offers the right files. */
export const ACCEPT_ATTRIBUTE = ALLOWED_EXTENSIONS.map((extension) => `.${extension}`).join(',');

export interface AttachmentInput {
  filename: string;
  content_type: string;
  data_base64: string;
}

/** Why a chosen file cannot be sent. */
export type AttachmentProblem =
  | { kind: 'tooMany'; filename: string }
  | { kind: 'tooLarge'; filename: string }
  | { kind: 'empty'; filename: string }
  | { kind: 'notAllowed'; filename: string };

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot === -1 ? '' : filename.slice(dot + 1).toLowerCase();
}

/**
 * Adds newly chosen files to those already chosen: a file that breaks a rule
 * is left out and reported, the rest are kept (up to the limit), so one wrong
 * file does not cost the user the others.
 */
export function addAttachments<F extends { name: string; size: number }>(
  current: readonly F[],
  chosen: readonly F[],
): { files: F[]; problems: AttachmentProblem[] } {
  const files = [...current];
  const problems: AttachmentProblem[] = [];
  for (const file of chosen) {
    let problem: AttachmentProblem['kind'] | null = null;
    if (!ALLOWED_EXTENSIONS.includes(extensionOf(file.name))) {
      problem = 'notAllowed';
    } else if (file.size === 0) {
      problem = 'empty';
    } else if (file.size > MAX_ATTACHMENT_BYTES) {
      problem = 'tooLarge';
    } else if (files.length >= MAX_ATTACHMENTS) {
      problem = 'tooMany';
    }
    if (problem === null) {
      files.push(file);
    } else {
      problems.push({ kind: problem, filename: file.name });
    }
  }
  return { files, problems };
}

/** The content type to declare: the browser's, else the one of the extension. */
export function contentTypeOf(file: { name: string; type: string }): string {
  return file.type !== '' ? file.type : (CONTENT_TYPES[extensionOf(file.name)] ?? 'application/octet-stream');
}

/** Standard base64 of bytes, in chunks (String.fromCharCode takes only so many arguments). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

/** A chosen file as the API takes it. */
export async function readAttachment(file: File): Promise<AttachmentInput> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { filename: file.name, content_type: contentTypeOf(file), data_base64: bytesToBase64(bytes) };
}

export function readAttachments(files: readonly File[]): Promise<AttachmentInput[]> {
  return Promise.all(files.map(readAttachment));
}

/** A size for people: 1.2 MB, 340 KB, 12 B. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }
  if (bytes >= 1024) {
    return `${Math.ceil(bytes / 1024)} KB`;
  }
  return `${bytes} B`;
}
