import { createBrowserRouter } from 'react-router';
import { ForgotPasswordPage } from '../features/accounts/routes/forgot_password_page';
import { LoginPage } from '../features/accounts/routes/login_page';
import { RegisterPage } from '../features/accounts/routes/register_page';
import { ResetPasswordPage } from '../features/accounts/routes/reset_password_page';
import { VerifyPage } from '../features/accounts/routes/verify_page';
import { OrganisationsPage } from '../features/admin/routes/organisations_page';
import { UsersPage } from '../features/admin/routes/users_page';
import { MailsPage } from '../features/dev_mails/routes/mails_page';
import { HomePage } from '../features/home/routes/home_page';
import { FacilityPostingsPage } from '../features/postings/routes/facility_postings_page';
import { PostingCreatePage } from '../features/postings/routes/posting_create_page';
import { PostingDetailPage } from '../features/postings/routes/posting_detail_page';
import { PostingEditPage } from '../features/postings/routes/posting_edit_page';
import { PostingImportPage } from '../features/postings/routes/posting_import_page';
import { PostingSearchPage } from '../features/postings/routes/posting_search_page';
import { ProfilePage } from '../features/profile/routes/profile_page';
import { AppLayout } from './layout/app_layout';
import { NotFoundPage } from './routes/not_found_page';
import { RequireLogin } from './routes/require_login';
import { RouteErrorPage } from './routes/route_error_page';

/**
 * Every page of the app. The server answers unknown non-API paths with
 * index.html, so each of these URLs can be opened directly or reloaded.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { path: '/', element: <RequireLogin>{(user) => <HomePage user={user} />}</RequireLogin> },
        { path: '/login', element: <LoginPage /> },
        { path: '/register', element: <RegisterPage /> },
        { path: '/verify', element: <VerifyPage /> },
        { path: '/password/forgot', element: <ForgotPasswordPage /> },
        { path: '/password/reset', element: <ResetPasswordPage /> },
        {
          path: '/admin/organisations',
          element: <RequireLogin role="secretariat">{() => <OrganisationsPage />}</RequireLogin>,
        },
        { path: '/admin/users', element: <RequireLogin role="secretariat">{() => <UsersPage />}</RequireLogin> },
        { path: '/postings', element: <PostingSearchPage /> },
        { path: '/postings/:id', element: <PostingDetailPage /> },
        {
          path: '/facility/postings',
          element: <RequireLogin role="facility">{() => <FacilityPostingsPage />}</RequireLogin>,
        },
        {
          path: '/facility/postings/new',
          element: <RequireLogin role="facility">{() => <PostingCreatePage />}</RequireLogin>,
        },
        {
          path: '/facility/postings/import',
          element: <RequireLogin role="facility">{() => <PostingImportPage />}</RequireLogin>,
        },
        {
          path: '/facility/postings/:id/edit',
          element: <RequireLogin role="facility">{(user) => <PostingEditPage user={user} />}</RequireLogin>,
        },
        { path: '/me/profile', element: <RequireLogin role="seeker">{(user) => <ProfilePage user={user} />}</RequireLogin> },
        { path: '/mails', element: <MailsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
