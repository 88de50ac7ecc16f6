import type { LiveNotice } from './api/notifications_api';

/**
 * Reading the live stream's event data. It comes from our own server, but a
 * newer or broken one must not crash the header: anything that is not the
 * expected shape is ignored.
 */

/** `ready`: `{"unread": N}`; null when the data is not that. */
export function parseReadyEvent(data: string): number | null {
  const value = parseJson(data);
  return isRecord(value) && typeof value.unread === 'number' && Number.isFinite(value.unread) ? value.unread : null;
}

/** `notification`: `{"id","kind","title","body","link"}`; null when the data is not that. */
export function parseNoticeEvent(data: string): LiveNotice | null {
  const value = parseJson(data);
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.title !== 'string') {
    return null;
  }
  return {
    id: value.id,
    kind: typeof value.kind === 'string' ? value.kind : '',
    title: value.title,
    body: typeof value.body === 'string' ? value.body : '',
    link: typeof value.link === 'string' ? value.link : null,
  };
}

/**
 * A notice's link as a path inside this site, or null. Notices link to pages
 * of the app (/postings/…); anything else (another site, a protocol-relative
 * `//host`) is not followed.
 */
export function internalPath(link: string | null): string | null {
  if (link === null || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) {
    return null;
  }
  return link;
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
