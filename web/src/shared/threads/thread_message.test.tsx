import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ThreadMessage } from './thread_message';

const MESSAGE = {
  created_at: '2026-11-20T01:05:00Z',
  body: '1行目\n<b>2行目</b>',
  attachments: [{ id: 'f1', filename: 'メモ.txt', size: 12, url: '/api/v1/files/f1' }],
};

describe('ThreadMessage', () => {
  it('names the author in a heading and shows the Japan time, the text as typed and the files', () => {
    const { container } = render(
      <ol>
        <ThreadMessage message={MESSAGE} highlighted={false} heading={<span>事務局からの回答</span>} />
      </ol>,
    );
    expect(screen.getByRole('heading', { level: 3, name: '事務局からの回答' })).toBeInTheDocument();
    expect(screen.getByText('2026年11月20日(金) 10:05').closest('time')).toHaveAttribute('dateTime', MESSAGE.created_at);
    // The markup stays text, and the line break is kept for pre-wrap to show.
    expect(screen.getByText(/1行目/).textContent).toBe('1行目\n<b>2行目</b>');
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('link', { name: 'メモ.txt' })).toHaveAttribute('href', '/api/v1/files/f1');
  });
});
