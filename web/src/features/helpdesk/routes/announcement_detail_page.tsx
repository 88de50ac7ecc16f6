import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { AttachmentLinks } from '../../../shared/attachments/attachment_links';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { useCurrentUser } from '../../../shared/session/use_session';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button, buttonClassName } from '../../../shared/ui/button';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useAnnouncement } from '../api/announcements_api';
import { AnnouncementHistory } from '../components/announcement_history';
import { AnnouncementWithdrawPanel } from '../components/announcement_withdraw_panel';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';
import { useAudienceLabel } from '../use_audience_label';

/**
 * One announcement with its files; opening it marks it read for a logged-in
 * user. A corrected one says when it was last updated. The secretariat also
 * gets its state, 「編集する」, 「掲載を取り下げる」 (after a confirmation) and
 * its history.
 */
export function AnnouncementDetailPage() {
  const { t, language } = useHelpdeskTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const location = useLocation();
  const announcement = useAnnouncement(id);
  const audienceLabel = useAudienceLabel();
  const secretariat = useCurrentUser().data?.role === 'secretariat';
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawnNow, setWithdrawnNow] = useState(false);
  const state = location.state as { published?: unknown; saved?: unknown } | null;
  const published = state?.published === true;
  const saved = state?.saved === true;
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
  const withdrawn = data.state === 'withdrawn';
  return (
    <div className="mx-auto flex w-full max-w-[48rem] flex-col gap-8">
      <article className="flex flex-col gap-6">
        {backLink}
        {published && !withdrawnNow && (
          <Alert kind="success">
            <p>{t('announcementForm.published')}</p>
          </Alert>
        )}
        {saved && !withdrawnNow && (
          <Alert kind="success">
            <p>{t('announcementForm.saved')}</p>
          </Alert>
        )}
        {withdrawnNow && (
          <Alert kind="success">
            <p>{t('announcementWithdraw.done')}</p>
          </Alert>
        )}
        {withdrawn && data.withdrawn_at != null && (
          <p className="flex flex-wrap items-center gap-2 text-std-16N-170 text-solid-gray-800">
            <Badge kind="muted">{t('announcements.withdrawn')}</Badge>
            {t('announcements.withdrawnAt', { at: formatDateTime(data.withdrawn_at, language) })}
          </p>
        )}
        <p className="text-std-16N-170 text-solid-gray-700">
          <time dateTime={data.published_at}>{formatDateTime(data.published_at, language)}</time>
          {data.updated_at !== null && (
            <>
              {' '}
              {t('announcements.updatedAt', { at: formatDateTime(data.updated_at, language) })}
            </>
          )}
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
      {secretariat && !withdrawn && !withdrawing && (
        <div className="flex flex-wrap gap-4">
          <Link to={`/announcements/${encodeURIComponent(data.id)}/edit`} className={buttonClassName('primary', 'w-full desktop:w-auto')}>
            {t('announcements.edit')}
          </Link>
          <Button variant="secondary" className="w-full desktop:w-auto" onClick={() => setWithdrawing(true)}>
            {t('announcements.withdraw')}
          </Button>
        </div>
      )}
      {secretariat && withdrawing && (
        <AnnouncementWithdrawPanel
          announcement={data}
          onWithdrawn={() => {
            setWithdrawing(false);
            setWithdrawnNow(true);
          }}
          onCancel={() => setWithdrawing(false)}
        />
      )}
      {secretariat && (
        <section aria-labelledby="announcement-history" className="flex flex-col gap-4">
          <SectionHeading id="announcement-history">{t('announcementHistory.heading')}</SectionHeading>
          <AnnouncementHistory announcementId={data.id} />
        </section>
      )}
    </div>
  );
}
