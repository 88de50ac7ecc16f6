import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Card } from '../../../shared/ui/card';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useAnnouncement } from '../api/announcements_api';
import { AnnouncementForm } from '../components/announcement_form';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

/** 「お知らせの編集」 (/announcements/:id/edit) for the secretariat: a correction after 掲載. */
export function AnnouncementEditPage() {
  const { t } = useHelpdeskTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const announcement = useAnnouncement(id);
  useDocumentTitle(t('announcementForm.editTitle'));

  let content;
  if (announcement.isPending) {
    content = <LoadingIndicator />;
  } else if (announcement.isError) {
    const notFound = announcement.error instanceof ApiError && announcement.error.status === 404;
    content = (
      <Alert kind={notFound ? 'info' : 'error'}>
        <p>{notFound ? t('announcements.notFound') : text(messageForError(announcement.error))}</p>
      </Alert>
    );
  } else if (announcement.data.state === 'withdrawn') {
    content = (
      <Alert kind="info">
        <p>{t('announcementForm.withdrawnNoEdit')}</p>
      </Alert>
    );
  } else {
    content = (
      <>
        <p className="text-std-16N-170 text-solid-gray-800">{t('announcementForm.editLead')}</p>
        <Card>
          <AnnouncementForm announcement={announcement.data} />
        </Card>
      </>
    );
  }

  return (
    <div className="mx-auto flex w-full max-w-[48rem] flex-col gap-8">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to={`/announcements/${encodeURIComponent(id)}`}>{t('announcementForm.backToAnnouncement')}</TextLink>
        </p>
        <PageHeading>{t('announcementForm.editTitle')}</PageHeading>
      </div>
      {content}
    </div>
  );
}
