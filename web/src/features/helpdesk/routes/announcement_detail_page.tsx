import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { AttachmentLinks } from '../../../shared/attachments/attachment_links';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Alert } from '../../../shared/ui/alert';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useAnnouncement } from '../api/announcements_api';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';
import { useAudienceLabel } from '../use_audience_label';

/** One announcement with its files; opening it marks it read for a logged-in user. */
export function AnnouncementDetailPage() {
  const { t, language } = useHelpdeskTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const location = useLocation();
  const announcement = useAnnouncement(id);
  const audienceLabel = useAudienceLabel();
  const published = (location.state as { published?: unknown } | null)?.published === true;
  useDocumentTitle(announcement.data !== undefined ? announcement.data.title : t('announcements.detailTitle'));

  const backLink = (
    <p className="text-std-16N-170">
      <TextLink to="/announcements">{t('announcements.backToList')}</TextLink>
    </p>
  );
  if (announcement.isPending) {
    return <LoadingIndicator />;
  }
  if (announcement.isError) {
    const notFound = announcement.error instanceof ApiError && announcement.error.status === 404;
    return (
      <NarrowPage heading={notFound ? t('announcements.notFoundTitle') : t('announcements.errorTitle')}>
        <Alert kind={notFound ? 'info' : 'error'}>
          <p>{notFound ? t('announcements.notFound') : text(messageForError(announcement.error))}</p>
        </Alert>
        {backLink}
      </NarrowPage>
    );
  }
  const data = announcement.data;
  return (
    <article className="mx-auto flex w-full max-w-[48rem] flex-col gap-6">
      {backLink}
      {published && (
        <Alert kind="success">
          <p>{t('announcementForm.published')}</p>
        </Alert>
      )}
      <p className="text-std-16N-170 text-solid-gray-700">
        <time dateTime={data.published_at}>{formatDateTime(data.published_at, language)}</time>
        <span className="mx-2" aria-hidden="true">
          ／
        </span>
        {t('announcements.audience', { audience: audienceLabel(data.audience) })}
      </p>
      <PageHeading>{data.title}</PageHeading>
      <div className="text-std-16N-170 text-solid-gray-900">
        <FreeText text={data.body} />
      </div>
      <AttachmentLinks attachments={data.attachments} />
    </article>
  );
}
