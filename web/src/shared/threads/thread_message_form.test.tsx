import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api_error';
import { ThreadMessageForm, type NewThreadMessage } from './thread_message_form';

function renderForm(send: (message: NewThreadMessage) => Promise<unknown>) {
  render(
    <ThreadMessageForm
      send={send}
      bodyLabel="メッセージ"
      bodyHint="相手に届きます。"
      // Any key of ja.json will do for the empty-text message.
      bodyRequiredKey="validation.nameRequired"
      bodyRows={5}
      bodyMaxLength={4000}
      sentMessage="メッセージを送信しました。"
      submitLabel="送信する"
      submittingLabel="送信しています…"
    />,
  );
  return userEvent.setup();
}

describe('ThreadMessageForm', () => {
  it('says what is missing and sends nothing while the text is empty', async () => {
    const send = vi.fn();
    const user = renderForm(send);

    await user.click(screen.getByRole('button', { name: '送信する' }));

    const body = screen.getByRole('textbox', { name: /^メッセージ/ });
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(body).toHaveAttribute('rows', '5');
    expect(body).toHaveAttribute('maxlength', '4000');
    expect(screen.getByText('氏名を入力してください。')).toBeInTheDocument();
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the text with the files as base64, then empties itself and says it was sent', async () => {
    const send = vi.fn().mockResolvedValue({});
    const user = renderForm(send);

    await user.type(screen.getByRole('textbox', { name: /^メッセージ/ }), 'よろしくお願いします。');
    await user.upload(screen.getByLabelText('添付ファイル'), new File(['a,b\r\n'], 'list.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: '送信する' }));

    await screen.findByText('メッセージを送信しました。');
    expect(send).toHaveBeenCalledWith({
      body: 'よろしくお願いします。',
      attachments: [{ filename: 'list.csv', content_type: 'text/csv', data_base64: btoa('a,b\r\n') }],
    });
    expect(screen.getByRole('textbox', { name: /^メッセージ/ })).toHaveValue('');
    expect(screen.queryByText(/list\.csv/)).not.toBeInTheDocument();
  });

  it("puts the server's 413 under the files, with what to do", async () => {
    const send = vi.fn().mockRejectedValue(
      new ApiError({ status: 413, code: 'payload_too_large', message: 'リクエストが大きすぎます。', hasServerMessage: true }),
    );
    const user = renderForm(send);

    await user.type(screen.getByRole('textbox', { name: /^メッセージ/ }), '資料です。');
    await user.upload(screen.getByLabelText('添付ファイル'), new File(['%PDF-1.4'], '資料.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: '送信する' }));

    const files = screen.getByLabelText('添付ファイル');
    await waitFor(() => expect(files).toHaveAttribute('aria-invalid', 'true'));
    const errorId = (files.getAttribute('aria-describedby') ?? '').split(' ').find((id) => id.endsWith('-error'));
    expect(document.getElementById(errorId ?? '')).toHaveTextContent(
      'リクエストが大きすぎます。添付ファイルの合計が大きすぎます。ファイルを減らすか、何回かに分けて送信してください。',
    );
    expect(screen.queryByText('メッセージを送信しました。')).not.toBeInTheDocument();
  });
});
