import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../shared/hooks/use_document_title';
import { NarrowPage } from '../../shared/ui/narrow_page';
import { TextLink } from '../../shared/ui/text_link';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <NarrowPage heading={t('notFound.title')} lead={t('notFound.text')}>
      <p className="text-std-16N-170">
        <TextLink to="/">{t('common.backToHome')}</TextLink>
      </p>
    </NarrowPage>
  );
}
