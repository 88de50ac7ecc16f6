import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { Card } from '../../../shared/ui/card';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { InquiryForm } from '../components/inquiry_form';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

/** 「新規お問合せ」 (G-MIS 4-1): a question to the secretariat, answered by mail notice and on the inquiry's page. */
export function InquiryNewPage() {
  const { t } = useHelpdeskTranslation();
  useDocumentTitle(t('inquiryForm.title'));
  return (
    <div className="mx-auto flex w-full max-w-[48rem] flex-col gap-8">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to="/helpdesk">{t('inquiryDetail.backToList')}</TextLink>
        </p>
        <PageHeading>{t('inquiryForm.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('inquiryForm.lead')}</p>
        <p className="text-std-16N-170">
          <TextLink to="/faq">{t('inquiryForm.faqLink')}</TextLink>
        </p>
      </div>
      <Card>
        <InquiryForm />
      </Card>
    </div>
  );
}
