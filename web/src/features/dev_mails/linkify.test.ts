import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('splits a Japanese mail body into text and the reset link', () => {
    const body = '山田 様\n\n次のリンクを開いてください。\nhttp://127.0.0.1:8080/password/reset?token=abc-123\n\n有効期限は30分です。';
    expect(linkify(body)).toEqual([
      { kind: 'text', text: '山田 様\n\n次のリンクを開いてください。\n' },
      { kind: 'link', href: 'http://127.0.0.1:8080/password/reset?token=abc-123' },
      { kind: 'text', text: '\n\n有効期限は30分です。' },
    ]);
  });

  it('ends a link at Japanese punctuation and sentence punctuation', () => {
    expect(linkify('こちら：https://example.jp/verify?token=x。詳しくは（https://example.jp/help）.')).toEqual([
      { kind: 'text', text: 'こちら：' },
      { kind: 'link', href: 'https://example.jp/verify?token=x' },
      { kind: 'text', text: '。詳しくは（' },
      { kind: 'link', href: 'https://example.jp/help' },
      { kind: 'text', text: '）.' },
    ]);
  });

  it('makes only http and https addresses into links', () => {
    const segments = linkify('javascript:alert(1) ftp://example.jp data:text/html,<b>x</b>');
    expect(segments.every((segment) => segment.kind === 'text')).toBe(true);
  });

  it('keeps markup in the body as plain text', () => {
    const body = '<img src=x onerror=alert(1)> <a href="https://evil.example">click</a>';
    const segments = linkify(body);
    // The address inside the attribute is cut at the quote, so no markup becomes part of a link...
    expect(segments.filter((segment) => segment.kind === 'link')).toEqual([{ kind: 'link', href: 'https://evil.example' }]);
    // ...and joining the pieces gives back exactly the original characters.
    expect(segments.map((segment) => (segment.kind === 'text' ? segment.text : segment.href)).join('')).toBe(body);
  });

  it('returns nothing for an empty body', () => {
    expect(linkify('')).toEqual([]);
  });
});
