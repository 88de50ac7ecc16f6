import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> | かけはし" (WCAG 2.4.2: each page has a title that names it). */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const siteName = t('site.name');
  useEffect(() => {
    document.title = pageTitle === '' ? siteName : `${pageTitle} | ${siteName}`;
  }, [pageTitle, siteName]);
}
