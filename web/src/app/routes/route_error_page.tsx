import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../shared/hooks/use_document_title';
import { Alert } from '../../shared/ui/alert';
import { PageHeading } from '../../shared/ui/page_heading';

/**
 * Shown when rendering a page throws. It replaces the whole layout, so it
 * brings its own landmark and uses a plain link (a full reload) to recover.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('error.title'));
  return (
    <main className="mx-auto flex max-w-[40rem] flex-col gap-6 px-4 py-10">
      <PageHeading>{t('error.title')}</PageHeading>
      <Alert kind="error">
        <p>{t('error.unexpected')}</p>
      </Alert>
      <p className="text-std-16N-170">
        <a href="/" className="text-blue-1000 underline underline-offset-[3px]">
          {t('common.backToHome')}
        </a>
      </p>
    </main>
  );
}
