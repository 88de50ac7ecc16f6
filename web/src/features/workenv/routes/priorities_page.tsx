import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { usePriorities } from '../api/workenv_api';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** 優先訪問先リスト: hospitals ranked, each reason in Japanese with its points; raise or lower on the hospital's page. */
export function PrioritiesPage() {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  useDocumentTitle(t('priorities.title'));
  const list = usePriorities();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('priorities.title')}</PageHeading>
        <WorkenvNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('priorities.lead')}</p>
      </div>
      {list.isPending && <LoadingIndicator />}
      {list.isError && (
        <Alert kind="error">
          <p>{text(messageForError(list.error))}</p>
        </Alert>
      )}
      {list.data !== undefined &&
        (list.data.items.length === 0 ? (
          <p className="text-std-16N-170">{t('priorities.empty')}</p>
        ) : (
          <ol className="flex flex-col gap-4">
            {list.data.items.map((item) => (
              <li key={item.hospital.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4">
                <p className="text-std-16B-170">
                  {t('priorities.rank', { rank: item.rank })}　<TextLink to={`/workenv/hospitals/${item.hospital.id}`}>{item.hospital.name}</TextLink>　{t('priorities.score', { score: item.score })}
                </p>
                <ul className="flex list-disc flex-col gap-1 pl-6 text-std-16N-170">
                  {item.reasons.map((reason) => (
                    <li key={reason.code}>
                      {reason.text}（{t('priorities.score', { score: reason.points })}）
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ))}
    </div>
  );
}
