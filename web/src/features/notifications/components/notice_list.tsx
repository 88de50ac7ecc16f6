import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/text/format_date';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import type { Notice } from '../api/notifications_api';
import { useNotificationsTranslation } from '../i18n/notifications_i18n';
import { internalPath } from '../live_notice';

/**
 * The notices of one page, newest first. Unread ones are marked in words
 * (「未読」), not by colour alone; the body is the server's plain text, shown
 * with its line breaks and never as markup. Opening a notice marks it read.
 */
export function NoticeList({ notices, onOpen, onMarkRead }: { notices: readonly Notice[]; onOpen: (notice: Notice) => void; onMarkRead: (notice: Notice) => void }) {
  const { t, language } = useNotificationsTranslation();
  return (
    <ul className="flex flex-col gap-4">
      {notices.map((notice) => {
        const path = internalPath(notice.link);
        return (
          <li key={notice.id}>
            <article
              data-notice-id={notice.id}
              className={`flex flex-col gap-3 rounded-12 border bg-white p-5 desktop:p-6 ${notice.read ? 'border-solid-gray-420' : 'border-l-8 border-blue-900'}`}
            >
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Badge kind={notice.read ? 'muted' : 'info'}>{notice.read ? t('list.read') : t('list.unread')}</Badge>
                <h3 className="text-std-18B-160 text-solid-gray-900">{notice.title}</h3>
              </div>
              <p className="text-dns-14N-130 text-solid-gray-700">
                {t('list.receivedAt')} <time dateTime={notice.created_at}>{formatDateTime(notice.created_at, language)}</time>
              </p>
              <p className="whitespace-pre-wrap break-words text-std-16N-170 text-solid-gray-900">{notice.body}</p>
              <div className="flex flex-wrap items-center gap-4">
                {path !== null && (
                  <Link to={path} onClick={() => onOpen(notice)} className={`inline-flex min-h-11 items-center text-std-16N-170 ${TEXT_LINK_CLASSES}`}>
                    {t('list.open')}
                    <span className="sr-only">{t('list.openFor', { title: notice.title })}</span>
                  </Link>
                )}
                {!notice.read && path === null && (
                  <Button variant="secondary" className="min-h-11 px-3" onClick={() => onMarkRead(notice)}>
                    {t('list.markRead')}
                    <span className="sr-only">{t('list.openFor', { title: notice.title })}</span>
                  </Button>
                )}
              </div>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
