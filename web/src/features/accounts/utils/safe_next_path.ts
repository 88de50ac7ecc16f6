/**
 * Where to go after logging in. The `next` parameter comes from the URL, so
 * anyone can craft it: only same-site paths are followed, never another
 * origin ("//evil.example", "https://...") or the login page itself.
 */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  if (next === '/login' || next.startsWith('/login?')) {
    return '/';
  }
  return next;
}
