import { useEffect, useRef, useState } from 'react';
import { parseApplicationNotice, parseInterviewSignal, type ApplicationNotice, type InterviewSignal } from './live_events';

const EVENTS_PATH = '/api/v1/events';
/** How long to wait before opening the stream again after the browser gave up on it. */
const REOPEN_AFTER_MS = 15_000;

export interface LiveEventHandlers {
  onNotice?: (notice: ApplicationNotice) => void;
  onSignal?: (signal: InterviewSignal) => void;
}

/**
 * This feature's own subscription to the user's live events (the header's
 * bell keeps a stream of its own; the shared layer offers none to reuse).
 * Returns whether the stream is open, so the online room can wait for it
 * before it announces itself. Closed when the page goes away.
 */
export function useLiveEvents(handlers: LiveEventHandlers, enabled = true): boolean {
  const handlersRef = useRef(handlers);
  const [ready, setReady] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      return;
    }
    const source = new EventSource(EVENTS_PATH);
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    // The server greets every connection (and reconnection) with `ready`.
    source.addEventListener('ready', () => setReady(true));
    source.addEventListener('notification', (event) => {
      const notice = parseApplicationNotice((event as MessageEvent<string>).data);
      if (notice !== null) {
        handlersRef.current.onNotice?.(notice);
      }
    });
    source.addEventListener('interview_signal', (event) => {
      const signal = parseInterviewSignal((event as MessageEvent<string>).data);
      if (signal !== null) {
        handlersRef.current.onSignal?.(signal);
      }
    });
    source.addEventListener('error', () => {
      setReady(false);
      if (source.readyState === EventSource.CLOSED) {
        reopenTimer = setTimeout(() => setAttempt((count) => count + 1), REOPEN_AFTER_MS);
      }
    });
    return () => {
      clearTimeout(reopenTimer);
      source.close();
      setReady(false);
    };
  }, [enabled, attempt]);

  return ready;
}
