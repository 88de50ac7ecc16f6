import { describe, expect, it } from 'vitest';
import {
  ACCEPT_ATTRIBUTE,
  addAttachments,
  bytesToBase64,
  contentTypeOf,
  formatFileSize,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  readAttachment,
  readAttachments,
} from './attachments';

const file = (name: string, size: number) => ({ name, size });

describe('addAttachments', () => {
  it('keeps allowed files and refuses, by name, what the server would refuse', () => {
    const { files, problems } = addAttachments(
      [],
      [file('報告.pdf', 1000), file('setup.exe', 10), file('空.txt', 0), file('写真.JPG', MAX_ATTACHMENT_BYTES), file('大きい.xlsx', MAX_ATTACHMENT_BYTES + 1)],
    );
    expect(files.map((f) => f.name)).toEqual(['報告.pdf', '写真.JPG']);
    expect(problems).toEqual([
      { kind: 'notAllowed', filename: 'setup.exe' },
      { kind: 'empty', filename: '空.txt' },
      { kind: 'tooLarge', filename: '大きい.xlsx' },
    ]);
  });

  it('stops at five files, keeping those already chosen', () => {
    const chosen = [file('1.pdf', 1), file('2.pdf', 1), file('3.pdf', 1), file('4.pdf', 1)];
    const { files, problems } = addAttachments(chosen, [file('5.csv', 1), file('6.docx', 1)]);
    expect(files).toHaveLength(MAX_ATTACHMENTS);
    expect(files.map((f) => f.name)).toEqual(['1.pdf', '2.pdf', '3.pdf', '4.pdf', '5.csv']);
    expect(problems).toEqual([{ kind: 'tooMany', filename: '6.docx' }]);
  });

  it('offers the allowed kinds to the file picker', () => {
    expect(ACCEPT_ATTRIBUTE.split(',')).toEqual(expect.arrayContaining(['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.docx', '.xlsx', '.pptx', '.doc', '.xls', '.ppt', '.txt', '.csv']));
  });
});

describe('reading files as base64', () => {
  it('encodes bytes exactly as standard base64, also beyond one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => (index * 31) % 256);
    // The plain one-character-at-a-time encoding, as the reference.
    let binary = '';
    for (const byte of bytes) {
      binary += String.fromCharCode(byte);
    }
    expect(bytesToBase64(bytes)).toBe(btoa(binary));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('turns a chosen file into {filename, content_type, data_base64}', async () => {
    const pdf = new File(['%PDF-1.4\n%âãÏÓ\n'], '資料.pdf', { type: 'application/pdf' });
    const attachment = await readAttachment(pdf);
    expect(attachment.filename).toBe('資料.pdf');
    expect(attachment.content_type).toBe('application/pdf');
    const decoded = Uint8Array.from(atob(attachment.data_base64), (char) => char.charCodeAt(0));
    expect(new TextDecoder().decode(decoded)).toBe('%PDF-1.4\n%âãÏÓ\n');
  });

  it('names the content type by the extension when the browser does not know it', async () => {
    expect(contentTypeOf({ name: 'a.xlsx', type: '' })).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(contentTypeOf({ name: 'noext', type: '' })).toBe('application/octet-stream');
    const [csv] = await readAttachments([new File(['a,b\r\n'], 'list.csv')]);
    expect(csv?.content_type).toBe('text/csv');
    expect(csv?.data_base64).toBe(btoa('a,b\r\n'));
  });

  it('shows sizes for people', () => {
    expect(formatFileSize(12)).toBe('12 B');
    expect(formatFileSize(1500)).toBe('2 KB');
    expect(formatFileSize(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
