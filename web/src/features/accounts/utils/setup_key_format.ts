/**
 * A TOTP secret (base32, 32 characters) in groups of four, as authenticator
 * apps show it, so it can be read out and typed without losing one's place.
 */
export function groupSetupKey(secret: string): string {
  const compact = secret.replace(/\s+/g, '').toUpperCase();
  return (compact.match(/.{1,4}/g) ?? []).join(' ');
}
