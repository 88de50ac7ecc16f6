import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { useCurrentUser } from '../../../shared/session/use_session';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { buttonClassName } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { usePosting } from '../api/postings_api';
import { PostingApplyLinks } from '../components/posting_apply_links';
import { PostingDetail } from '../components/posting_detail';
import { postingStatusBadge } from '../components/posting_status';

/** 「求人詳細」: public for published postings; the server decides what this viewer may see. */
export function PostingDetailPage() {
  const { t } = useTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const location = useLocation();
  const posting = usePosting(id);
  const currentUser = useCurrentUser().data ?? null;
  useDocumentTitle(posting.data !== undefined ? t('postingDetail.documentTitle', { title: posting.data.title }) : t('postingDetail.title'));

  // Back to the search the user came from (its filters), else to a fresh one.
  const fromSearch = (location.state as { search?: unknown } | null)?.search;
  const searchLink = typeof fromSearch === 'string' && fromSearch !== '' ? `/postings?${fromSearch}` : '/postings';
  const backLink = (
    <p className="text-std-16N-170">
      <TextLink to={searchLink}>{t('postingDetail.backToSearch')}</TextLink>
    </p>
  );

  if (posting.isPending) {
    return <LoadingIndicator />;
  }
  if (posting.isError) {
    const notFound = posting.error instanceof ApiError && posting.error.status === 404;
    return (
      <NarrowPage heading={notFound ? t('postingDetail.notFoundTitle') : t('error.title')}>
        <Alert kind={notFound ? 'info' : 'error'}>
          <p>{notFound ? t('postingDetail.notFound') : text(messageForError(posting.error))}</p>
        </Alert>
        {backLink}
      </NarrowPage>
    );
  }

  const data = posting.data;
  const ownFacility =
    currentUser !== null && currentUser.role === 'facility' && data.facility.id !== undefined && currentUser.organisations.some((o) => o.id === data.facility.id);
  const status = postingStatusBadge(data.status);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        {backLink}
        <p className="text-std-16B-170 text-solid-gray-700">{t('postingDetail.title')}</p>
        <PageHeading>{data.title}</PageHeading>
        {data.status !== 'published' && (
          <p className="flex flex-wrap items-center gap-2 text-std-16N-170">
            {t('postingDetail.status')}
            <Badge kind={status.kind}>{t(status.labelKey)}</Badge>
          </p>
        )}
        {ownFacility && data.status !== 'closed' && (
          <p>
            <Link to={`/facility/postings/${encodeURIComponent(data.id)}/edit`} className={buttonClassName('secondary')}>
              {t('postingDetail.editLink')}
            </Link>
          </p>
        )}
      </div>
      {data.status === 'published' && !ownFacility && <PostingApplyLinks postingId={data.id} user={currentUser} />}
      <PostingDetail posting={data} />
    </div>
  );
}
