import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useMyContactRequests } from '../api/contact_requests_api';
import { ContactRequestCard } from '../components/contact_request_card';
import { useContactRequestsTranslation } from '../i18n/contact_requests_i18n';

/**
 * 「医療機関からのコンタクト依頼」: the requests facilities sent the seeker
 * (the server's notices and mails link here), newest first, each answered on
 * its card. Who the facility is stays hidden until a match.
 */
export function ContactRequestsPage() {
  const { t } = useContactRequestsTranslation();
  const { t: tShared } = useTranslation();
  const text = useMessageText();
  useDocumentTitle(t('page.title'));
  const requests = useMyContactRequests();
  const data = requests.data;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('page.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('page.lead')}</p>
        <p className="text-std-16N-170 text-solid-gray-800">
          {t('page.settingNote')}
          <TextLink to="/me/profile">{t('page.settingLink')}</TextLink>
          {t('page.settingNoteAfter')}
        </p>
      </div>
      {requests.isPending && <LoadingIndicator />}
      {requests.isError && (
        <Alert kind="error">
          <p>{text(messageForError(requests.error))}</p>
        </Alert>
      )}
      {data !== undefined && (
        <section aria-labelledby="contact-requests-list" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
            <SectionHeading id="contact-requests-list">{t('page.listHeading')}</SectionHeading>
            <span className="text-std-18B-160 text-solid-gray-800">{tShared('common.totalCount', { count: data.total })}</span>
          </div>
          {data.items.length === 0 ? (
            <p className="text-std-16N-170 text-solid-gray-800">{t('page.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {data.items.map((request) => (
                <li key={request.id}>
                  <ContactRequestCard request={request} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
