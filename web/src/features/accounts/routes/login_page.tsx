import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useCurrentUser, useLogIn } from '../../../shared/session/use_session';
import { Card } from '../../../shared/ui/card';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { TextLink } from '../../../shared/ui/text_link';
import { LoginForm } from '../components/login_form';
import { safeNextPath } from '../utils/safe_next_path';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const currentUser = useCurrentUser();
  const logIn = useLogIn();
  const nextPath = safeNextPath(searchParams.get('next'));

  // Someone already logged in has nothing to do here.
  if (currentUser.data) {
    return <Navigate to={nextPath} replace />;
  }

  return (
    <NarrowPage heading={t('login.title')}>
      <Card>
        <LoginForm logIn={logIn.mutateAsync} onLoggedIn={() => void navigate(nextPath, { replace: true })} />
        <p className="mt-6 text-std-16N-170">
          <TextLink to="/password/forgot">{t('login.forgotPassword')}</TextLink>
        </p>
      </Card>
      <section aria-labelledby="login-new-users" className="flex flex-col gap-3">
        <h2 id="login-new-users" className="text-std-20B-150 text-solid-gray-900">
          {t('login.newUsersHeading')}
        </h2>
        <p className="text-std-16N-170 text-solid-gray-800">{t('login.newUsersText')}</p>
        <p className="text-std-16N-170">
          <TextLink to="/register">{t('login.registerLink')}</TextLink>
        </p>
        <p className="text-std-16N-170 text-solid-gray-800">{t('login.issuedIdsText')}</p>
      </section>
      <section aria-labelledby="login-search" className="flex flex-col gap-3">
        <h2 id="login-search" className="text-std-20B-150 text-solid-gray-900">
          {t('login.searchHeading')}
        </h2>
        <p className="text-std-16N-170 text-solid-gray-800">{t('login.searchText')}</p>
        <p className="text-std-16N-170">
          <TextLink to="/postings">{t('login.searchLink')}</TextLink>
        </p>
      </section>
      <section aria-labelledby="login-help" className="flex flex-col gap-3">
        <h2 id="login-help" className="text-std-20B-150 text-solid-gray-900">
          {t('login.helpHeading')}
        </h2>
        <p className="text-std-16N-170">
          <TextLink to="/faq">{t('login.faqLink')}</TextLink>
        </p>
      </section>
    </NarrowPage>
  );
}
