import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { Card } from '../../../shared/ui/card';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { AnnouncementForm } from '../components/announcement_form';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

/** 「お知らせの掲載」 for the secretariat. */
export function AnnouncementNewPage() {
  const { t } = useHelpdeskTranslation();
  useDocumentTitle(t('announcementForm.title'));
  return (
    <div className="mx-auto flex w-full max-w-[48rem] flex-col gap-8">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to="/announcements">{t('announcements.backToList')}</TextLink>
        </p>
        <PageHeading>{t('announcementForm.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('announcementForm.lead')}</p>
      </div>
      <Card>
        <AnnouncementForm />
      </Card>
    </div>
  );
}
