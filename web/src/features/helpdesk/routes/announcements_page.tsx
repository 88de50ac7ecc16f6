import { Link } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { useCurrentUser } from '../../../shared/session/use_session';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { buttonClassName } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { useAnnouncements } from '../api/announcements_api';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';
import { useAudienceLabel } from '../use_audience_label';

/**
 * 「お知らせ」, public: the dated list, newest first. A logged-in user sees
 * which are unread and how many; the secretariat publishes from here and also
 * sees the withdrawn ones, marked 「取り下げ済み」.
 */
export function AnnouncementsPage() {
  const { t, language } = useHelpdeskTranslation();
  useDocumentTitle(t('announcements.title'));
  const text = useMessageText();
  const currentUser = useCurrentUser();
  const user = currentUser.data ?? null;
  const secretariat = user?.role === 'secretariat';
  const audienceLabel = useAudienceLabel();
  // Wait for the session, so the list is asked for (and cached) as the right viewer.
  const announcements = useAnnouncements(currentUser.isPending ? '' : (user?.id ?? 'anonymous'));
  const result = announcements.isError ? undefined : announcements.data;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('announcements.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('announcements.lead')}</p>
        {secretariat && (
          <p>
            <Link to="/announcements/new" className={buttonClassName('primary')}>
              {t('announcements.newLink')}
            </Link>
          </p>
        )}
      </div>
      <section aria-labelledby="announcement-list" className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <h2 id="announcement-list" className="text-std-24B-150 text-solid-gray-900">
            {t('announcements.listHeading')}
          </h2>
          {result !== undefined && (
            <p className="text-std-18B-160 text-solid-gray-900">
              {user !== null
                ? t('announcements.countWithUnread', { count: result.total, unread: result.unread })
                : t('announcements.count', { count: result.total })}
            </p>
          )}
        </div>
        {announcements.isPending && <LoadingIndicator />}
        {announcements.isError && (
          <Alert kind="error">
            <p>{text(messageForError(announcements.error))}</p>
          </Alert>
        )}
        {result !== undefined && result.items.length === 0 && <p className="text-std-16N-170">{t('announcements.empty')}</p>}
        {result !== undefined && result.items.length > 0 && (
          <ul className="flex flex-col border-t border-solid-gray-420">
            {result.items.map((item) => (
              <li key={item.id} className="flex flex-col gap-1 border-b border-solid-gray-420 py-4 desktop:flex-row desktop:items-baseline desktop:gap-6">
                <p className="shrink-0 text-std-16N-170 text-solid-gray-700 desktop:w-48">
                  <time dateTime={item.published_at}>{formatDateTime(item.published_at, language)}</time>
                </p>
                <div className="flex min-w-0 flex-col gap-1">
                  <p className="flex flex-wrap items-center gap-2">
                    {item.state === 'withdrawn' && <Badge kind="muted">{t('announcements.withdrawn')}</Badge>}
                    {item.read === false && item.state !== 'withdrawn' && <Badge kind="urgent">{t('announcements.unread')}</Badge>}
                    <Link to={`/announcements/${encodeURIComponent(item.id)}`} className={`${TEXT_LINK_CLASSES} break-words text-std-18B-160`}>
                      {item.title}
                    </Link>
                  </p>
                  {item.updated_at !== null && (
                    <p className="text-dns-14N-130 text-solid-gray-700">{t('announcements.updatedAt', { at: formatDateTime(item.updated_at, language) })}</p>
                  )}
                  {secretariat && <p className="text-dns-14N-130 text-solid-gray-700">{t('announcements.audience', { audience: audienceLabel(item.audience) })}</p>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
