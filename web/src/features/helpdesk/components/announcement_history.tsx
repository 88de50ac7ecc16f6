import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { useAnnouncementHistory, type AnnouncementHistoryEntry } from '../api/announcements_api';
import { useHelpdeskTranslation, type HelpdeskKey } from '../i18n/helpdesk_i18n';
import { useAudienceLabel } from '../use_audience_label';

const ACTION_KEYS: Record<AnnouncementHistoryEntry['action'], HelpdeskKey> = {
  published: 'announcementHistory.published',
  edited: 'announcementHistory.edited',
  withdrawn: 'announcementHistory.withdrawn',
};

const FIELD_KEYS: Record<string, HelpdeskKey> = {
  title: 'announcementForm.titleLabel',
  body: 'announcementForm.bodyLabel',
  audience: 'announcementForm.audienceLegend',
};

/** 変更履歴 (the secretariat only): 掲載, each correction with its fields before and after, the withdrawal and its reason. */
export function AnnouncementHistory({ announcementId }: { announcementId: string }) {
  const text = useMessageText();
  const history = useAnnouncementHistory(announcementId, true);
  if (history.isPending) {
    return <LoadingIndicator />;
  }
  if (history.isError) {
    return (
      <Alert kind="error">
        <p>{text(messageForError(history.error))}</p>
      </Alert>
    );
  }
  return (
    <ol className="flex flex-col gap-4">
      {history.data.items.map((entry, index) => (
        <li key={`${entry.changed_at}-${index}`}>
          <HistoryEntry entry={entry} />
        </li>
      ))}
    </ol>
  );
}

function HistoryEntry({ entry }: { entry: AnnouncementHistoryEntry }) {
  const { t, language } = useHelpdeskTranslation();
  const audienceLabel = useAudienceLabel();
  const show = (field: string, value: string) => (field === 'audience' ? audienceLabel(value) : value);
  const changes = Object.entries(entry.changes).filter(([, change]) => Array.isArray(change) && change.length === 2);
  return (
    <article className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4">
      <h3 className="text-std-17B-170 text-solid-gray-900">{t(ACTION_KEYS[entry.action])}</h3>
      <p className="text-std-16N-170 text-solid-gray-800">
        {t('announcementHistory.byAt', { at: formatDateTime(entry.changed_at, language), by: entry.changed_by })}
      </p>
      {entry.note !== null && (
        <div className="text-std-16N-170">
          <p className="font-700">{t('announcementHistory.reason')}</p>
          <FreeText text={entry.note} />
        </div>
      )}
      {changes.length > 0 && (
        <dl className="flex flex-col gap-3 text-std-16N-170">
          {changes.map(([field, [from, to]]) => (
            <div key={field} className="flex flex-col gap-1">
              <dt className="font-700">{FIELD_KEYS[field] !== undefined ? t(FIELD_KEYS[field]) : field}</dt>
              <dd className="flex flex-col gap-1 break-words">
                <span className="text-solid-gray-700">{t('announcementHistory.before')}</span>
                <FreeText text={show(field, from)} />
                <span className="text-solid-gray-700">{t('announcementHistory.after')}</span>
                <FreeText text={show(field, to)} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </article>
  );
}
