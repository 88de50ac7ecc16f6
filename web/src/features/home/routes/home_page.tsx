import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { isRole, type Role } from '../../../shared/reference/roles';
import type { SessionUser } from '../../../shared/session/session_api';
import { Alert } from '../../../shared/ui/alert';
import { PageHeading } from '../../../shared/ui/page_heading';
import { FunctionList } from '../components/function_list';
import { TodoList } from '../components/todo_list';
import { WelcomeCard } from '../components/welcome_card';
import { ROLE_FUNCTIONS } from '../role_functions';

/** Each role has its own home; the heading names it (「求職者ホーム」 …). What needs doing now comes first. */
export function HomePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const role: Role | null = isRole(user.role) ? user.role : null;
  const heading = role === null ? t('home.headings.unknown') : t(`home.headings.${role}`);
  useDocumentTitle(heading);

  return (
    <div className="flex flex-col gap-10">
      <PageHeading>{heading}</PageHeading>
      {role !== null && <TodoList role={role} />}
      <WelcomeCard user={user} />
      <section aria-labelledby="home-functions" className="flex flex-col gap-6">
        <h2 id="home-functions" className="text-std-24B-150 text-solid-gray-900">
          {t('home.functionsHeading')}
        </h2>
        {role === null ? (
          <Alert kind="info">
            <p>{t('home.unknownRole')}</p>
          </Alert>
        ) : (
          <FunctionList functions={ROLE_FUNCTIONS[role]} />
        )}
      </section>
    </div>
  );
}
