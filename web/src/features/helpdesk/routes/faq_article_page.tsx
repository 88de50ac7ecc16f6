import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { useCurrentUser } from '../../../shared/session/use_session';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { buttonClassName } from '../../../shared/ui/button';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useFaqArticle } from '../api/faq_api';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

/** One FAQ article: the question as the heading, the answer as written. */
export function FaqArticlePage() {
  const { t, language } = useHelpdeskTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const location = useLocation();
  const article = useFaqArticle(id);
  const secretariat = useCurrentUser().data?.role === 'secretariat';
  const saved = (location.state as { saved?: unknown } | null)?.saved === true;
  useDocumentTitle(article.data !== undefined ? article.data.question : t('faq.articleTitle'));

  const backLink = (
    <p className="text-std-16N-170">
      <TextLink to="/faq">{t('faq.backToList')}</TextLink>
    </p>
  );
  if (article.isPending) {
    return <LoadingIndicator />;
  }
  if (article.isError) {
    const notFound = article.error instanceof ApiError && article.error.status === 404;
    return (
      <NarrowPage heading={notFound ? t('faq.notFoundTitle') : t('faq.errorTitle')}>
        <Alert kind={notFound ? 'info' : 'error'}>
          <p>{notFound ? t('faq.notFound') : text(messageForError(article.error))}</p>
        </Alert>
        {backLink}
      </NarrowPage>
    );
  }
  const data = article.data;
  return (
    <article className="mx-auto flex w-full max-w-[48rem] flex-col gap-6">
      {backLink}
      {saved && (
        <Alert kind="success">
          <p>{t('faqForm.saved')}</p>
        </Alert>
      )}
      <p className="flex flex-wrap items-center gap-2 text-std-16B-170 text-solid-gray-700">
        <Link to={`/faq?${new URLSearchParams({ category: data.category }).toString()}`} className="text-blue-1000 underline underline-offset-[3px]">
          {data.category}
        </Link>
        {!data.published && <Badge kind="muted">{t('faq.draft')}</Badge>}
      </p>
      <PageHeading>{data.question}</PageHeading>
      <div className="rounded-8 border-l-8 border-blue-900 bg-blue-50 px-5 py-4 text-std-16N-170 text-solid-gray-900">
        <h2 className="mb-2 text-std-17B-170">{t('faq.answerHeading')}</h2>
        <FreeText text={data.answer} />
      </div>
      <p className="text-dns-14N-130 text-solid-gray-700">{t('faq.updatedAt', { time: formatDateTime(data.updated_at, language) })}</p>
      {secretariat && (
        <p>
          <Link to={`/faq/${encodeURIComponent(data.id)}/edit`} className={buttonClassName('secondary')}>
            {t('faq.editLink')}
          </Link>
        </p>
      )}
      <p className="text-std-16N-170">
        {t('faq.stillStuck')} <TextLink to="/helpdesk/new">{t('faq.askLink')}</TextLink>
      </p>
    </article>
  );
}
