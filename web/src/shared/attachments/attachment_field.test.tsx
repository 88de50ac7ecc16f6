import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AttachmentField } from './attachment_field';
import { AttachmentLinks } from './attachment_links';

function ControlledField({ error }: { error?: string }) {
  const [files, setFiles] = useState<File[]>([]);
  return <AttachmentField id="files" files={files} onFilesChange={setFiles} error={error} />;
}

describe('AttachmentField', () => {
  it('keeps allowed files, refuses the others by name, and lets each chosen file be removed', async () => {
    // The picker's accept filter would hide setup.exe; a user can still drop it in.
    const user = userEvent.setup({ applyAccept: false });
    render(<ControlledField />);
    const input = screen.getByLabelText('添付ファイル');

    await user.upload(input, [new File(['MZ'], 'setup.exe'), new File(['%PDF-1.4'], '画面.pdf', { type: 'application/pdf' })]);

    expect(screen.getByRole('alert')).toHaveTextContent('「setup.exe」は添付できない種類のファイルです（PDF、画像、Officeファイル、テキスト、CSVのみ）。');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAttribute('aria-describedby', 'files-hint files-problems');
    expect(screen.getByText('選択中のファイル（1件／5件まで）')).toBeInTheDocument();
    expect(screen.getByText('画面.pdf（8 B）')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '「画面.pdf」を添付から外す' }));
    expect(screen.queryByText(/画面\.pdf/)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("ties the server's message to the input", () => {
    render(<ControlledField error="ファイルの内容が拡張子と一致しません。" />);
    const input = screen.getByLabelText('添付ファイル');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAttribute('aria-describedby', 'files-hint files-error');
    expect(document.getElementById('files-error')).toHaveTextContent('ファイルの内容が拡張子と一致しません。');
  });
});

describe('AttachmentLinks', () => {
  it('links each stored file as a download under its own name, with its size', () => {
    render(<AttachmentLinks attachments={[{ id: 'a1', filename: '勤務条件.pdf', size: 2048, url: '/api/v1/files/a1' }]} />);
    const link = screen.getByRole('link', { name: '勤務条件.pdf' });
    expect(link).toHaveAttribute('href', '/api/v1/files/a1');
    expect(link).toHaveAttribute('download', '勤務条件.pdf');
    expect(screen.getByText('（2 KB）')).toBeInTheDocument();
  });

  it('shows nothing without files', () => {
    const { container } = render(<AttachmentLinks attachments={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
