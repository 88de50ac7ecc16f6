import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { SessionUser } from '../../../shared/session/session_api';
import { useMarkNoticeRead, useUnreadCount, type LiveNotice } from '../api/notifications_api';
import { useNotificationsTranslation } from '../i18n/notifications_i18n';
import { badgeText } from '../unread_count';
import { useNotificationStream } from '../use_notification_stream';
import { NotificationToast } from './notification_toast';

/**
 * The header's bell: a link to 「通知」 whose name says how many notices are
 * unread, kept live by the event stream while the user is logged in, and the
 * toast that shows a notice the moment it arrives.
 */
export function NotificationBell({ user }: { user: SessionUser }) {
  const { t } = useNotificationsTranslation();
  const { pathname } = useLocation();
  const unread = useUnreadCount();
  const markRead = useMarkNoticeRead();
  const [toast, setToast] = useState<LiveNotice | null>(null);

  useNotificationStream(user.id, useCallback((notice: LiveNotice) => setToast(notice), []));

  // The list shows every notice: a toast on top of it would only repeat one.
  useEffect(() => {
    if (pathname === '/notifications') {
      setToast(null);
    }
  }, [pathname]);

  const count = unread.data ?? 0;
  const name = count > 0 ? t('bell.unread', { count }) : t('bell.noUnread');
  return (
    <>
      <Link
        to="/notifications"
        aria-label={name}
        aria-current={pathname === '/notifications' ? 'page' : undefined}
        className="relative inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-8 border border-solid-gray-600 bg-white px-3 text-solid-gray-900 no-underline hover:bg-blue-50"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 shrink-0">
          <path
            d="M12 3.5a5.5 5.5 0 0 0-5.5 5.5v3.6L4.5 16.5h15l-2-3.9V9A5.5 5.5 0 0 0 12 3.5zM9.8 19a2.3 2.3 0 0 0 4.4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
        </svg>
        <span className="hidden text-oln-16B-100 desktop:inline">{t('bell.label')}</span>
        {count > 0 && (
          <span className="absolute -right-2 -top-2 inline-flex h-6 min-w-6 items-center justify-center rounded-full border-2 border-white bg-red-900 px-1 text-dns-14B-130 text-white">
            {badgeText(count)}
          </span>
        )}
      </Link>
      <NotificationToast
        notice={toast}
        onOpen={(notice) => {
          markRead.mutate({ id: notice.id, read: false });
          setToast(null);
        }}
        onClose={() => setToast(null)}
      />
    </>
  );
}
