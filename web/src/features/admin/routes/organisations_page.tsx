import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { Card } from '../../../shared/ui/card';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { OrganisationForm } from '../components/organisation_form';
import { OrganisationTable } from '../components/organisation_table';

export function OrganisationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.title'));
  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to="/">{t('common.backToHome')}</TextLink>
        </p>
        <PageHeading>{t('organisations.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('organisations.lead')}</p>
      </div>
      <section aria-labelledby="organisation-create" className="flex flex-col gap-6">
        <SectionHeading id="organisation-create">{t('organisations.createHeading')}</SectionHeading>
        <Card>
          <OrganisationForm />
        </Card>
      </section>
      <section aria-labelledby="organisation-list" className="flex flex-col gap-6">
        <SectionHeading id="organisation-list">{t('organisations.listHeading')}</SectionHeading>
        <OrganisationTable />
      </section>
    </div>
  );
}
