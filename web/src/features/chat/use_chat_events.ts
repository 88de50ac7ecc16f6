import { useEffect, useRef, useState } from 'react';

const EVENTS_PATH = '/api/v1/events';
/** How long to wait before opening the stream again after the browser gave up on it. */
const REOPEN_AFTER_MS = 15_000;

/** A notice on the live stream, as far as the chat reads it. */
export interface ChatNotice {
  kind: string;
  link: string | null;
}

/** The notice's kind and link, or null when the data is not the expected shape (it is ignored, not trusted). */
export function parseChatNotice(data: string): ChatNotice | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { kind, link } = value as { kind?: unknown; link?: unknown };
    if (typeof kind !== 'string') return null;
    return { kind, link: typeof link === 'string' ? link : null };
  } catch {
    return null;
  }
}

/** The chat's notices: a handover, its end, a user's message to the staff, and a staff answer. */
export const CHAT_NOTICE_KINDS = new Set(['chat_handover', 'chat_handover_closed', 'chat_message', 'chat_reply']);

/**
 * The chat's own subscription to the user's live events (GET /api/v1/events; the header's bell keeps a stream of
 * its own and the shared layer offers none to reuse): `onNotice` hears every chat notice, and `onConnected` every
 * (re)connection, after which whatever may have been missed meanwhile is fetched again. No polling.
 */
export function useChatEvents(enabled: boolean, onNotice: (notice: ChatNotice) => void, onConnected: () => void): void {
  const handlers = useRef({ onNotice, onConnected });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    handlers.current = { onNotice, onConnected };
  }, [onNotice, onConnected]);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(EVENTS_PATH);
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('ready', () => handlers.current.onConnected());
    source.addEventListener('notification', (event) => {
      const notice = parseChatNotice((event as MessageEvent<string>).data);
      if (notice !== null && CHAT_NOTICE_KINDS.has(notice.kind)) handlers.current.onNotice(notice);
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) reopenTimer = setTimeout(() => setAttempt((n) => n + 1), REOPEN_AFTER_MS);
    });
    return () => {
      clearTimeout(reopenTimer);
      source.close();
    };
  }, [enabled, attempt]);
}
