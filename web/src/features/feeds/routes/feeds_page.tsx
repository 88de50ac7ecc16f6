import { useEffect, useRef, useState } from 'react';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { useFeeds } from '../api/feeds_api';
import { FeedForm } from '../components/feed_form';
import { FeedList } from '../components/feed_list';
import { useFeedsTranslation } from '../i18n/feeds_i18n';

/** 「求人配信」: the organisation's filtered feeds of published postings for partners (coordinators, the secretariat). */
export function FeedsPage() {
  const { t } = useFeedsTranslation();
  useDocumentTitle(t('title'));
  const text = useMessageText();
  const feeds = useFeeds();
  const [deletedName, setDeletedName] = useState<string | null>(null);
  const deletedAlert = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (deletedName !== null) {
      deletedAlert.current?.focus();
    }
  }, [deletedName]);

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('lead')}</p>
      </div>
      <section aria-labelledby="feed-form-heading" className="flex flex-col gap-6 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
        <SectionHeading id="feed-form-heading">{t('form.heading')}</SectionHeading>
        <FeedForm />
      </section>
      <section aria-labelledby="feed-list-heading" className="flex flex-col gap-6">
        <SectionHeading id="feed-list-heading">{t('list.heading')}</SectionHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('list.tokenNote')}</p>
        {deletedName !== null && (
          <Alert kind="success" ref={deletedAlert}>
            <p>{t('list.deleted', { name: deletedName })}</p>
          </Alert>
        )}
        {feeds.isPending && <LoadingIndicator />}
        {feeds.isError && (
          <Alert kind="error">
            <p>{text(messageForError(feeds.error))}</p>
          </Alert>
        )}
        {feeds.data !== undefined && feeds.data.items.length === 0 && <p className="text-std-16N-170">{t('list.empty')}</p>}
        {feeds.data !== undefined && feeds.data.items.length > 0 && <FeedList feeds={feeds.data.items} onDeleted={setDeletedName} />}
      </section>
    </div>
  );
}
