/**
 * The number on the bell. The server is the authority: every `ready` event
 * of the live stream (sent again after each reconnect) and every list it
 * returns carry the true count. Between those, the page's own actions and the
 * stream's new notices move the count, so it never waits for a reload.
 */
export type UnreadEvent =
  /** The stream (re)connected and told the count; so does every list answer. */
  | { type: 'counted'; unread: number }
  /** A new notice arrived through the stream. */
  | { type: 'arrived' }
  /** One notice that was unread has been marked read. */
  | { type: 'readOne' }
  /** Every notice has been marked read. */
  | { type: 'readAll' };

/** undefined while the count is not known yet. */
export function unreadCountReducer(count: number | undefined, event: UnreadEvent): number | undefined {
  switch (event.type) {
    case 'counted':
      return Math.max(0, Math.trunc(event.unread));
    case 'arrived':
      return (count ?? 0) + 1;
    case 'readOne':
      return count === undefined ? undefined : Math.max(0, count - 1);
    case 'readAll':
      return 0;
  }
}

/** What the bell shows: the count, capped so the badge stays small. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
