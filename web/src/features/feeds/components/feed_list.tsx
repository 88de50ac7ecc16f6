import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { prefectureName } from '../../../shared/reference/prefectures';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { formatDateTime } from '../../../shared/text/format_date';
import { Button } from '../../../shared/ui/button';
import { FieldError } from '../../../shared/ui/field_parts';
import { useDeleteFeed, type Feed } from '../api/feeds_api';
import { useFeedsTranslation } from '../i18n/feeds_i18n';
import { CopyableUrl } from './copyable_url';

/** The organisation's feeds, each with its filters, its two URLs to copy and a delete that asks first. */
export function FeedList({ feeds, onDeleted }: { feeds: readonly Feed[]; onDeleted: (name: string) => void }) {
  return (
    <ul className="flex flex-col gap-4">
      {feeds.map((feed) => (
        <li key={feed.id}>
          <FeedItem feed={feed} onDeleted={onDeleted} />
        </li>
      ))}
    </ul>
  );
}

function FeedItem({ feed, onDeleted }: { feed: Feed; onDeleted: (name: string) => void }) {
  const { t, language } = useFeedsTranslation();
  const { t: tShared } = useTranslation();
  const text = useMessageText();
  const labels = useCodeLabels();
  const deleteFeed = useDeleteFeed();
  const [confirming, setConfirming] = useState(false);
  const panelId = useId();
  const separator = tShared('common.listSeparator');
  const all = t('list.all');

  const rows = [
    { label: t('list.prefectures'), value: feed.prefectures.length === 0 ? all : feed.prefectures.map((code) => prefectureName(code, language)).join(separator) },
    { label: t('list.categories'), value: feed.categories.length === 0 ? all : feed.categories.map((code) => labels.category(code)).join(separator) },
    { label: t('list.urgency'), value: feed.urgency === null ? all : labels.urgency(feed.urgency) },
    { label: t('list.digestEmail'), value: feed.digest_email ?? t('list.noDigest') },
    { label: t('list.createdAt'), value: formatDateTime(feed.created_at, language) },
  ];

  return (
    <article className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6" data-feed-id={feed.id}>
      <h3 className="break-words text-std-20B-150 text-solid-gray-900">{feed.name}</h3>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-std-16N-170 desktop:grid-cols-[max-content_1fr]">
        {rows.map((row) => (
          <Fragment key={row.label}>
            <dt className="font-700 text-solid-gray-700">{row.label}</dt>
            <dd className="mb-2 break-words text-solid-gray-900 desktop:mb-0">{row.value}</dd>
          </Fragment>
        ))}
      </dl>
      <CopyableUrl label={t('list.jsonUrl')} url={feed.json_url} feedName={feed.name} />
      <CopyableUrl label={t('list.atomUrl')} url={feed.atom_url} feedName={feed.name} />
      <div className="flex flex-col gap-3">
        <div>
          <Button variant="secondary" className="min-h-11 px-3" aria-expanded={confirming} aria-controls={panelId} onClick={() => setConfirming((open) => !open)}>
            {t('list.delete')}
            <span className="sr-only">{t('list.deleteFor', { name: feed.name })}</span>
          </Button>
        </div>
        <div id={panelId} className={confirming ? 'flex flex-col gap-3 rounded-8 border border-error-1 bg-white p-4' : 'hidden'}>
          {confirming && (
            <>
              <p className="text-std-16N-170 text-solid-gray-900">{t('list.confirmDelete', { name: feed.name })}</p>
              <div className="flex flex-wrap gap-2">
                <Button
                  className="min-h-11 px-3"
                  busy={deleteFeed.isPending}
                  onClick={() => {
                    if (!deleteFeed.isPending) {
                      deleteFeed.mutate(feed, { onSuccess: () => onDeleted(feed.name) });
                    }
                  }}
                >
                  {t('list.confirmDeleteButton')}
                </Button>
                <Button variant="text" className="min-h-11 px-3" onClick={() => setConfirming(false)}>
                  {t('list.cancel')}
                </Button>
              </div>
            </>
          )}
        </div>
        {deleteFeed.isError && <FieldError id={`${panelId}-error`} error={text(messageForError(deleteFeed.error))} />}
      </div>
    </article>
  );
}
