import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { Pagination } from '../../../shared/ui/pagination';
import { NOTICES_PER_PAGE, useMarkAllNoticesRead, useMarkNoticeRead, useNotices, useUnreadCount, type Notice } from '../api/notifications_api';
import { NoticeList } from '../components/notice_list';
import { useNotificationsTranslation } from '../i18n/notifications_i18n';

/** 「通知」: the user's notices, newest first, live while open (the stream refreshes the list). */
export function NotificationsPage() {
  const { t } = useNotificationsTranslation();
  const { t: tShared } = useTranslation();
  useDocumentTitle(t('title'));
  const text = useMessageText();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFromParams(searchParams);
  const notices = useNotices(page);
  const unread = useUnreadCount();
  const markRead = useMarkNoticeRead();
  const markAllRead = useMarkAllNoticesRead();
  const [allReadDone, setAllReadDone] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const list = notices.data;
  const unreadCount = unread.data ?? list?.unread ?? 0;

  function open(notice: Notice): void {
    if (!notice.read) {
      markRead.mutate({ id: notice.id, read: notice.read });
    }
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('lead')}</p>
      </div>
      <section aria-labelledby="notice-list-heading" className="flex flex-col gap-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="flex flex-col gap-1">
            <h2 id="notice-list-heading" ref={listHeading} tabIndex={-1} className="text-std-24B-150 text-solid-gray-900 focus:outline-none">
              {t('list.heading')}
            </h2>
            {list !== undefined && (
              <p className="text-std-16N-170 text-solid-gray-800">
                {tShared('common.totalCount', { count: list.total })}
                {tShared('common.listSeparator')}
                {t('list.unreadCount', { count: unreadCount })}
              </p>
            )}
          </div>
          <Button
            variant="secondary"
            busy={markAllRead.isPending}
            disabled={unreadCount === 0 && !markAllRead.isPending}
            onClick={() => {
              setAllReadDone(false);
              markAllRead.mutate(undefined, { onSuccess: () => setAllReadDone(true) });
            }}
          >
            {markAllRead.isPending ? t('markingAllRead') : t('markAllRead')}
          </Button>
        </div>
        {allReadDone && (
          <Alert kind="success">
            <p>{t('markedAllRead')}</p>
          </Alert>
        )}
        {markAllRead.isError && (
          <Alert kind="error">
            <p>{text(messageForError(markAllRead.error))}</p>
          </Alert>
        )}
        {markRead.isError && (
          <Alert kind="error">
            <p>{text(messageForError(markRead.error))}</p>
          </Alert>
        )}
        {notices.isPending && <LoadingIndicator />}
        {notices.isError && (
          <Alert kind="error">
            <p>{text(messageForError(notices.error))}</p>
          </Alert>
        )}
        {list !== undefined && list.items.length === 0 && <p className="text-std-16N-170">{t('list.empty')}</p>}
        {list !== undefined && list.items.length > 0 && (
          <div className={notices.isPlaceholderData ? 'opacity-60' : ''} aria-busy={notices.isPlaceholderData || undefined}>
            <NoticeList notices={list.items} onOpen={open} onMarkRead={open} />
          </div>
        )}
        {list !== undefined && (
          <Pagination
            page={page}
            perPage={NOTICES_PER_PAGE}
            total={list.total}
            shown={list.items.length}
            onPageChange={(next) => {
              setSearchParams(next > 1 ? { page: String(next) } : {});
              requestAnimationFrame(() => listHeading.current?.focus());
            }}
            label={t('list.pagination')}
          />
        )}
      </section>
    </div>
  );
}

function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
