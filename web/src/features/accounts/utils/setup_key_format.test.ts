import { describe, expect, it } from 'vitest';
import { groupSetupKey } from './setup_key_format';

describe('groupSetupKey', () => {
  it('groups the secret in fours', () => {
    expect(groupSetupKey('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
  });

  it('leaves a short last group and reads lower case and spaces as the server would', () => {
    expect(groupSetupKey('jbswy 3dpe h')).toBe('JBSW Y3DP EH');
    expect(groupSetupKey('')).toBe('');
  });
});
