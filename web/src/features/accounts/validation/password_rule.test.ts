import { describe, expect, it } from 'vitest';
import { registrationSchema } from './account_schemas';
import { isSameAsLogin, passwordSchema } from './password_rule';

function firstMessage(password: string): string | undefined {
  const result = passwordSchema.safeParse(password);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('password rule', () => {
  it('accepts 8+ characters with upper case, lower case and a digit', () => {
    expect(passwordSchema.safeParse('Kakehashi2026').success).toBe(true);
    expect(passwordSchema.safeParse('Abcdefg1').success).toBe(true);
  });

  it.each([
    ['', 'validation.passwordRequired'],
    ['Abcde12', 'validation.passwordTooShort'],
    ['abcdefg1', 'validation.passwordNeedsUppercase'],
    ['ABCDEFG1', 'validation.passwordNeedsLowercase'],
    ['Abcdefgh', 'validation.passwordNeedsDigit'],
  ])('rejects %j with %s', (password, expectedKey) => {
    expect(firstMessage(password)).toBe(expectedKey);
  });

  it('counts only ASCII letters and digits (full-width characters do not satisfy the rule)', () => {
    expect(firstMessage('ＡＢＣｄｅｆ１２３')).toBe('validation.passwordNeedsUppercase');
  });

  it('treats a password equal to the login, ignoring case, as the same', () => {
    expect(isSameAsLogin('Seeker@Example.jp', 'seeker@example.jp')).toBe(true);
    expect(isSameAsLogin('Kakehashi2026', 'seeker@example.jp')).toBe(false);
    expect(isSameAsLogin('anything', '')).toBe(false);
  });
});

describe('registration schema', () => {
  const valid = { name: '山田 花子', email: 'hanako@example.jp', password: 'Kakehashi2026', passwordConfirmation: 'Kakehashi2026' };

  it('accepts a complete registration and trims the name and address', () => {
    const result = registrationSchema.safeParse({ ...valid, name: ' 山田 花子 ', email: ' hanako@example.jp ' });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ name: '山田 花子', email: 'hanako@example.jp' });
  });

  it('reports a confirmation that differs on the confirmation field', () => {
    const result = registrationSchema.safeParse({ ...valid, passwordConfirmation: 'Kakehashi2027' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['passwordConfirmation'], message: 'validation.passwordMismatch' }),
    ]);
  });

  it('rejects the e-mail address (the seeker\'s login) as password', () => {
    const result = registrationSchema.safeParse({
      ...valid,
      email: 'Abcdefg1@example.jp',
      password: 'Abcdefg1@example.jp',
      passwordConfirmation: 'Abcdefg1@example.jp',
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['password'], message: 'validation.passwordSameAsLogin' }),
    ]);
  });
});
