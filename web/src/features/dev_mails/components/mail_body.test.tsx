import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MailBody } from './mail_body';

describe('MailBody', () => {
  it('renders links as anchors and everything else as text, never as HTML', () => {
    const body = '<script>alert(1)</script><b>太字</b>\nhttps://example.jp/verify?token=abc';

    const { container } = render(<MailBody body={body} />);

    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', 'https://example.jp/verify?token=abc');
    expect(container.textContent).toBe(body);
  });
});
