import { describe, expect, it } from 'vitest';
import { confirmationCode, normaliseConfirmationCode } from './confirmation_code';

describe('confirmation code', () => {
  it('turns full-width digits into ASCII and drops spaces and hyphens', () => {
    expect(normaliseConfirmationCode('１２３ ４５６')).toBe('123456');
    expect(normaliseConfirmationCode(' 123-456 ')).toBe('123456');
  });

  it('accepts exactly six digits, after normalising', () => {
    expect(confirmationCode.safeParse('１２３４５６')).toEqual({ success: true, data: '123456' });
    expect(confirmationCode.safeParse('12345').success).toBe(false);
    expect(confirmationCode.safeParse('1234567').success).toBe(false);
    expect(confirmationCode.safeParse('12345a').success).toBe(false);
  });

  it('says "required" for an empty code and "6 digits" for a wrong one', () => {
    expect(confirmationCode.safeParse('  ').error?.issues[0]?.message).toBe('accounts:validation.codeRequired');
    expect(confirmationCode.safeParse('12').error?.issues[0]?.message).toBe('accounts:validation.codeInvalid');
  });
});
