import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { useCurrentUser } from '../../../shared/session/use_session';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button, buttonClassName } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextField } from '../../../shared/ui/text_field';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { useFaqList, type FaqArticle } from '../api/faq_api';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

/** The FAQ's query string: keyword and category, as the API names them. */
function faqQuery(q: string, category: string): URLSearchParams {
  const params = new URLSearchParams();
  if (q.trim() !== '') {
    params.set('q', q.trim());
  }
  if (category !== '') {
    params.set('category', category);
  }
  return params;
}

/**
 * 「よくある質問（FAQ）」, public: the categories with their counts, a
 * keyword search (width, case and kana folded by the server, so ﾏｽｷﾝｸﾞ finds
 * マスキング) and the questions, each leading to its article. The
 * secretariat also sees drafts and can write and edit articles.
 */
export function FaqPage() {
  const { t } = useHelpdeskTranslation();
  useDocumentTitle(t('faq.title'));
  const text = useMessageText();
  const secretariat = useCurrentUser().data?.role === 'secretariat';
  const [searchParams, setSearchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').trim();
  const category = searchParams.get('category') ?? '';
  const query = faqQuery(q, category).toString();
  const faq = useFaqList(query);
  const result = faq.isError ? undefined : faq.data;
  const allCount = result?.categories.reduce((sum, c) => sum + c.count, 0) ?? 0;

  const categoryLink = (name: string) => {
    const params = faqQuery(q, name).toString();
    return params === '' ? '/faq' : `/faq?${params}`;
  };

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('faq.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('faq.lead')}</p>
        {secretariat && (
          <p>
            <Link to="/faq/new" className={buttonClassName('primary')}>
              {t('faq.newLink')}
            </Link>
          </p>
        )}
      </div>
      <FaqSearchForm key={query} q={q} onSearch={(next) => setSearchParams(faqQuery(next, category))} />
      <div className="grid grid-cols-1 gap-10 desktop-admin:grid-cols-[16rem_1fr]">
        <nav aria-labelledby="faq-categories" className="flex flex-col gap-3 desktop-admin:self-start">
          <h2 id="faq-categories" className="text-std-20B-150 text-solid-gray-900">
            {t('faq.categoriesHeading')}
          </h2>
          {result !== undefined && (
            <ul className="flex flex-col gap-1 text-std-16N-170">
              <li>
                <Link to={categoryLink('')} aria-current={category === '' ? 'page' : undefined} className={categoryLinkClass(category === '')}>
                  {t('faq.categoryWithCount', { name: t('faq.allCategories'), count: allCount })}
                </Link>
              </li>
              {result.categories.map((c) => (
                <li key={c.name}>
                  <Link to={categoryLink(c.name)} aria-current={category === c.name ? 'page' : undefined} className={categoryLinkClass(category === c.name)}>
                    {t('faq.categoryWithCount', { name: c.name, count: c.count })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <section aria-labelledby="faq-results" className="flex min-w-0 flex-col gap-6">
          <div className="flex flex-col gap-2">
            <h2 id="faq-results" className="text-std-24B-150 text-solid-gray-900">
              {category !== '' ? category : t('faq.resultsHeading')}
            </h2>
            <p aria-live="polite" aria-atomic="true" className="text-std-18B-160 text-solid-gray-900">
              {result !== undefined && (q !== '' ? t('faq.searchCount', { q, count: result.total }) : t('faq.count', { count: result.total }))}
            </p>
          </div>
          {faq.isPending && <LoadingIndicator />}
          {faq.isError && (
            <Alert kind="error">
              <p>{text(messageForError(faq.error))}</p>
            </Alert>
          )}
          {result !== undefined && result.items.length === 0 && (
            <div className="flex flex-col gap-2 text-std-16N-170">
              <p>{t('faq.empty')}</p>
              <p>
                <Link to="/helpdesk/new" className={TEXT_LINK_CLASSES}>
                  {t('faq.askLink')}
                </Link>
              </p>
            </div>
          )}
          {result !== undefined && result.items.length > 0 && (
            <ul className="flex flex-col gap-3">
              {result.items.map((article) => (
                <FaqListItem key={article.id} article={article} showCategory={category === ''} secretariat={secretariat} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function categoryLinkClass(current: boolean): string {
  return `inline-flex min-h-11 items-center ${TEXT_LINK_CLASSES} ${current ? 'font-700 no-underline' : ''}`;
}

function FaqListItem({ article, showCategory, secretariat }: { article: FaqArticle; showCategory: boolean; secretariat: boolean }) {
  const { t } = useHelpdeskTranslation();
  return (
    <li className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        {showCategory && <span className="text-dns-14N-130 text-solid-gray-700">{article.category}</span>}
        {!article.published && <Badge kind="muted">{t('faq.draft')}</Badge>}
      </div>
      <Link to={`/faq/${encodeURIComponent(article.id)}`} className={`${TEXT_LINK_CLASSES} text-std-18B-160`}>
        <span aria-hidden="true">Q. </span>
        {article.question}
      </Link>
      {secretariat && (
        <p className="text-std-16N-170">
          <Link to={`/faq/${encodeURIComponent(article.id)}/edit`} className={TEXT_LINK_CLASSES} aria-label={t('faq.editLinkFor', { question: article.question })}>
            {t('faq.editLink')}
          </Link>
        </p>
      )}
    </li>
  );
}

function FaqSearchForm({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useHelpdeskTranslation();
  const [draft, setDraft] = useState(q);
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onSearch(draft);
  }
  return (
    <form role="search" aria-label={t('faq.searchLabel')} noValidate onSubmit={submit} className="flex flex-col gap-3 desktop:flex-row desktop:items-end">
      <div className="min-w-0 flex-1">
        <TextField label={t('faq.keywordLabel')} name="q" type="search" maxLength={100} hint={t('faq.keywordHint')} value={draft} onValueChange={setDraft} />
      </div>
      <div className="flex flex-col gap-3 desktop:flex-row">
        <Button type="submit">{t('faq.search')}</Button>
        {q !== '' && (
          <Button variant="secondary" onClick={() => onSearch('')}>
            {t('faq.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
