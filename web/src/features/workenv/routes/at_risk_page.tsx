import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { useAtRisk } from '../api/workenv_api';
import { HoursTable } from '../components/hours_table';
import { WorkenvNav } from '../components/workenv_nav';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** The prefecture's doctors at risk, worst first, by code with their hospital (each view is audit-logged). */
export function AtRiskPage() {
  const { t } = useWorkenvTranslation();
  const text = useMessageText();
  useDocumentTitle(t('atRisk.title'));
  const atRisk = useAtRisk();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('atRisk.title')}</PageHeading>
        <WorkenvNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('atRisk.lead')}</p>
      </div>
      {atRisk.isPending && <LoadingIndicator />}
      {atRisk.isError && (
        <Alert kind="error">
          <p>{text(messageForError(atRisk.error))}</p>
        </Alert>
      )}
      {atRisk.data !== undefined &&
        (atRisk.data.items.length === 0 ? (
          <p className="text-std-16N-170">{t('atRisk.empty')}</p>
        ) : (
          <HoursTable caption={t('atRisk.title')} doctors={atRisk.data.items} withHospital />
        ))}
    </div>
  );
}
