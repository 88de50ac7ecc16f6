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
import { useFaqArticle, useFaqList } from '../api/faq_api';
import { FaqForm } from '../components/faq_form';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

/** 「FAQ記事の作成」 (/faq/new) and 「FAQ記事の編集」 (/faq/:id/edit), for the secretariat. */
export function FaqEditPage() {
  const { t } = useHelpdeskTranslation();
  const text = useMessageText();
  const { id } = useParams();
  const creating = id === undefined;
  const title = creating ? t('faqForm.createTitle') : t('faqForm.editTitle');
  useDocumentTitle(title);
  const article = useFaqArticle(id ?? '', !creating);
  const list = useFaqList('');
  const categories = (list.data?.categories ?? []).map((category) => category.name);

  let content;
  if (!creating && article.isPending) {
    content = <LoadingIndicator />;
  } else if (!creating && article.isError) {
    const notFound = article.error instanceof ApiError && article.error.status === 404;
    content = (
      <Alert kind={notFound ? 'info' : 'error'}>
        <p>{notFound ? t('faq.notFound') : text(messageForError(article.error))}</p>
      </Alert>
    );
  } else {
    content = (
      <Card>
        <FaqForm article={creating ? null : (article.data ?? null)} categories={categories} />
      </Card>
    );
  }

  return (
    <div className="mx-auto flex w-full max-w-[48rem] flex-col gap-8">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to={creating ? '/faq' : `/faq/${encodeURIComponent(id)}`}>{creating ? t('faq.backToList') : t('faqForm.backToArticle')}</TextLink>
        </p>
        <PageHeading>{title}</PageHeading>
      </div>
      {content}
    </div>
  );
}
