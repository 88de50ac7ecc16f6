import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { Card } from '../../../shared/ui/card';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { UserForm } from '../components/user_form';
import { UserTable } from '../components/user_table';

export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to="/">{t('common.backToHome')}</TextLink>
        </p>
        <PageHeading>{t('users.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('users.lead')}</p>
      </div>
      <section aria-labelledby="user-issue" className="flex flex-col gap-6">
        <SectionHeading id="user-issue">{t('users.issueHeading')}</SectionHeading>
        <Card>
          <UserForm />
        </Card>
      </section>
      <section aria-labelledby="user-list" className="flex flex-col gap-6">
        <SectionHeading id="user-list">{t('users.listHeading')}</SectionHeading>
        <UserTable />
      </section>
    </div>
  );
}
