import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CURRENT_USER_QUERY_KEY } from '../../shared/session/use_session';
import { applyUnreadEvent, refreshNoticeLists, type LiveNotice } from './api/notifications_api';
import { parseNoticeEvent, parseReadyEvent } from './live_notice';

export const EVENTS_PATH = '/api/v1/events';

/** How long to wait before opening the stream again after the browser gave up on it. */
export const REOPEN_AFTER_MS = 30_000;

/**
 * The logged-in user's live events (server-sent events, GET /api/v1/events):
 * `ready` with the unread count, then `notification` for every new notice.
 * The count goes to the bell, the lists on screen are fetched again and
 * `onNotice` hears of each new notice (for the toast).
 *
 * EventSource reconnects by itself after a dropped connection; the `ready`
 * it then receives carries the count as it is now, and the lists are
 * refreshed, so nothing missed while offline stays missing. When the browser
 * gives up (an answer that is not a stream: the session ended, a proxy's
 * error page), the session is checked and the stream tried again later.
 *
 * `userId` null (nobody logged in, or logged out) closes the stream.
 */
export function useNotificationStream(userId: string | null, onNotice: (notice: LiveNotice) => void): void {
  const queryClient = useQueryClient();
  const onNoticeRef = useRef(onNotice);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    onNoticeRef.current = onNotice;
  }, [onNotice]);

  useEffect(() => {
    if (userId === null || typeof EventSource === 'undefined') {
      return;
    }
    const source = new EventSource(EVENTS_PATH);
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;

    source.addEventListener('ready', (event) => {
      const unread = parseReadyEvent((event as MessageEvent<string>).data);
      if (unread !== null) {
        applyUnreadEvent(queryClient, { type: 'counted', unread });
      }
      void refreshNoticeLists(queryClient);
    });
    source.addEventListener('notification', (event) => {
      const notice = parseNoticeEvent((event as MessageEvent<string>).data);
      if (notice === null) {
        return;
      }
      applyUnreadEvent(queryClient, { type: 'arrived' });
      void refreshNoticeLists(queryClient);
      onNoticeRef.current(notice);
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        void queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY });
        reopenTimer = setTimeout(() => setAttempt((count) => count + 1), REOPEN_AFTER_MS);
      }
    });

    return () => {
      clearTimeout(reopenTimer);
      source.close();
    };
  }, [userId, attempt, queryClient]);
}
