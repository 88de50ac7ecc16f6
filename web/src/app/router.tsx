import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoadingIndicator } from '../shared/ui/loading_indicator';
import { AboutPage } from '../features/about/routes/about_page';
import { AccountPage } from '../features/accounts/routes/account_page';
import { ForgotPasswordPage } from '../features/accounts/routes/forgot_password_page';
import { LoginPage } from '../features/accounts/routes/login_page';
import { RegisterPage } from '../features/accounts/routes/register_page';
import { ResetPasswordPage } from '../features/accounts/routes/reset_password_page';
import { VerifyPage } from '../features/accounts/routes/verify_page';
import { OrganisationsPage } from '../features/admin/routes/organisations_page';
import { UsersPage } from '../features/admin/routes/users_page';
import { MailsPage } from '../features/dev_mails/routes/mails_page';
import { FeedsPage } from '../features/feeds/routes/feeds_page';
import { ChatDictionaryPage } from '../features/chat/routes/chat_dictionary_page';
import { ChatHandoversPage } from '../features/chat/routes/chat_handovers_page';
import { ContactRequestsPage } from '../features/contact_requests/routes/contact_requests_page';
import { CareerDoctorPage } from '../features/careers/routes/career_doctor_page';
import { CareerDoctorsPage } from '../features/careers/routes/career_doctors_page';
import { CareerHomePage } from '../features/careers/routes/career_home_page';
import { CareerInvitationPage } from '../features/careers/routes/career_invitation_page';
import { CareerProgrammesPage } from '../features/careers/routes/career_programmes_page';
import { FacilityRecruitRequestsPage } from '../features/careers/routes/facility_recruit_requests_page';
import { MyCareerPage } from '../features/careers/routes/my_career_page';
import { HomePage } from '../features/home/routes/home_page';
import { FacilityRoundPage, FacilityRoundsPage } from '../features/placement_rounds/routes/facility_rounds_page';
import { MyPlacementRoundsLink } from '../features/placement_rounds/components/my_rounds_link';
import { MyRoundPage, MyRoundsPage } from '../features/placement_rounds/routes/my_rounds_page';
import { RoundConfirmPage } from '../features/placement_rounds/routes/round_confirm_page';
import { RoundPreviewPage } from '../features/placement_rounds/routes/round_preview_page';
import { RoundRanksPage } from '../features/placement_rounds/routes/round_ranks_page';
import { RoundSetupPage } from '../features/placement_rounds/routes/round_setup_page';
import { RoundsPage } from '../features/placement_rounds/routes/rounds_page';
import { MyMatchesPage } from '../features/matching/routes/my_matches_page';
import { PostingCandidatesPage } from '../features/matching/routes/posting_candidates_page';
import { NotificationsPage } from '../features/notifications/routes/notifications_page';
import { FacilityPostingsPage } from '../features/postings/routes/facility_postings_page';
import { PostingCreatePage } from '../features/postings/routes/posting_create_page';
import { PostingDetailPage } from '../features/postings/routes/posting_detail_page';
import { PostingEditPage } from '../features/postings/routes/posting_edit_page';
import { PostingImportPage } from '../features/postings/routes/posting_import_page';
import { PostingSearchPage } from '../features/postings/routes/posting_search_page';
import { ProfilePage } from '../features/profile/routes/profile_page';
import { BedBoardPage } from '../features/beds/routes/bed_board_page';
import { BedFacilityPage } from '../features/beds/routes/bed_facility_page';
import { BedReportPage } from '../features/beds/routes/bed_report_page';
import { AnnouncementDetailPage } from '../features/helpdesk/routes/announcement_detail_page';
import { AnnouncementEditPage } from '../features/helpdesk/routes/announcement_edit_page';
import { AnnouncementNewPage } from '../features/helpdesk/routes/announcement_new_page';
import { AnnouncementsPage } from '../features/helpdesk/routes/announcements_page';
import { FaqArticlePage } from '../features/helpdesk/routes/faq_article_page';
import { FaqEditPage } from '../features/helpdesk/routes/faq_edit_page';
import { FaqPage } from '../features/helpdesk/routes/faq_page';
import { InquiryDetailPage } from '../features/helpdesk/routes/inquiry_detail_page';
import { InquiryListPage } from '../features/helpdesk/routes/inquiry_list_page';
import { InquiryNewPage } from '../features/helpdesk/routes/inquiry_new_page';
import { ApplicationDetailPage } from '../features/applications/routes/application_detail_page';
import { ApplicationsPage } from '../features/applications/routes/applications_page';
import { ApplyPage } from '../features/applications/routes/apply_page';
import { CoordinationCandidatesPage } from '../features/applications/routes/coordination_candidates_page';
import { CoordinationPage } from '../features/applications/routes/coordination_page';
import { InterviewRoomPage } from '../features/applications/routes/interview_room_page';
import { AtRiskPage } from '../features/workenv/routes/at_risk_page';
import { WorkenvCasePage } from '../features/workenv/routes/case_page';
import { CasesPage } from '../features/workenv/routes/cases_page';
import { MyWorkenvHospitalPage, WorkenvHospitalPage } from '../features/workenv/routes/hospital_page';
import { MeetingPage } from '../features/workenv/routes/meeting_page';
import { MeetingsPage } from '../features/workenv/routes/meetings_page';
import { PrioritiesPage } from '../features/workenv/routes/priorities_page';
import { ReadinessGridPage } from '../features/workenv/routes/readiness_grid_page';
import { ReportPage } from '../features/workenv/routes/report_page';
import { VisitsPage } from '../features/workenv/routes/visits_page';
import { WorkenvTodayPage } from '../features/workenv/routes/workenv_today_page';
import { AppLayout } from './layout/app_layout';
import { NotFoundPage } from './routes/not_found_page';
import { RequireLogin } from './routes/require_login';
import { RouteErrorPage } from './routes/route_error_page';

// The statistics page draws ECharts charts: loaded with its route, so other pages do not pay for the chart library.
const CareerStatisticsPage = lazy(() =>
  import('../features/careers/routes/career_statistics_page').then((m) => ({ default: m.CareerStatisticsPage })),
);

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
        { path: '/account', element: <RequireLogin>{(user) => <AccountPage user={user} />}</RequireLogin> },
        {
          path: '/admin/organisations',
          element: <RequireLogin role="secretariat">{() => <OrganisationsPage />}</RequireLogin>,
        },
        { path: '/workenv', element: <RequireLogin role="workenv_center">{() => <WorkenvTodayPage />}</RequireLogin> },
        { path: '/workenv/hospitals', element: <RequireLogin role="workenv_center">{() => <ReadinessGridPage />}</RequireLogin> },
        {
          path: '/workenv/hospitals/:id',
          element: <RequireLogin role={['workenv_center', 'facility', 'secretariat']}>{() => <WorkenvHospitalPage />}</RequireLogin>,
        },
        { path: '/workenv/my-hospital', element: <RequireLogin role="facility">{() => <MyWorkenvHospitalPage />}</RequireLogin> },
        { path: '/workenv/at-risk', element: <RequireLogin role="workenv_center">{() => <AtRiskPage />}</RequireLogin> },
        { path: '/workenv/priorities', element: <RequireLogin role="workenv_center">{() => <PrioritiesPage />}</RequireLogin> },
        { path: '/workenv/cases', element: <RequireLogin role="workenv_center">{() => <CasesPage />}</RequireLogin> },
        { path: '/workenv/cases/:id', element: <RequireLogin role="workenv_center">{() => <WorkenvCasePage />}</RequireLogin> },
        { path: '/workenv/visits', element: <RequireLogin role="workenv_center">{() => <VisitsPage />}</RequireLogin> },
        { path: '/workenv/report', element: <RequireLogin role="workenv_center">{() => <ReportPage />}</RequireLogin> },
        { path: '/workenv/meetings', element: <RequireLogin role="workenv_center">{() => <MeetingsPage />}</RequireLogin> },
        { path: '/workenv/meetings/:id', element: <RequireLogin role="workenv_center">{() => <MeetingPage />}</RequireLogin> },
        { path: '/admin/users', element: <RequireLogin role="secretariat">{() => <UsersPage />}</RequireLogin> },
        { path: '/admin/chat', element: <RequireLogin role="secretariat">{() => <ChatDictionaryPage />}</RequireLogin> },
        { path: '/postings', element: <PostingSearchPage /> },
        { path: '/postings/:id', element: <PostingDetailPage /> },
        {
          path: '/facility/postings',
          element: <RequireLogin role="facility">{() => <FacilityPostingsPage />}</RequireLogin>,
        },
        {
          path: '/facility/postings/new',
          element: <RequireLogin role="facility">{(user) => <PostingCreatePage user={user} />}</RequireLogin>,
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
        { path: '/me/matches', element: <RequireLogin role="seeker">{() => <MyMatchesPage />}</RequireLogin> },
        { path: '/me/career', element: <RequireLogin role="seeker">{() => <MyCareerPage links={<MyPlacementRoundsLink />} />}</RequireLogin> },
        { path: '/me/placement', element: <RequireLogin role="seeker">{() => <MyRoundsPage />}</RequireLogin> },
        { path: '/me/placement/rounds/:id', element: <RequireLogin role="seeker">{() => <MyRoundPage />}</RequireLogin> },
        { path: '/career/invitation', element: <CareerInvitationPage /> },
        { path: '/contact-requests', element: <RequireLogin role="seeker">{() => <ContactRequestsPage />}</RequireLogin> },
        {
          path: '/facility/postings/:id/matches',
          element: <RequireLogin role="facility">{() => <PostingCandidatesPage />}</RequireLogin>,
        },
        { path: '/notifications', element: <RequireLogin>{() => <NotificationsPage />}</RequireLogin> },
        { path: '/career', element: <RequireLogin role="career_center">{() => <CareerHomePage />}</RequireLogin> },
        { path: '/career/programmes', element: <RequireLogin role="career_center">{() => <CareerProgrammesPage />}</RequireLogin> },
        { path: '/career/statistics', element: <RequireLogin role="career_center">{() => (
              <Suspense fallback={<LoadingIndicator />}>
                <CareerStatisticsPage />
              </Suspense>
            )}</RequireLogin> },
        { path: '/career/doctors', element: <RequireLogin role="career_center">{() => <CareerDoctorsPage />}</RequireLogin> },
        { path: '/career/doctors/:id', element: <RequireLogin role="career_center">{(user) => <CareerDoctorPage user={user} />}</RequireLogin> },
        { path: '/career/rounds', element: <RequireLogin role="career_center">{() => <RoundsPage />}</RequireLogin> },
        { path: '/career/rounds/:id', element: <RequireLogin role="career_center">{() => <RoundSetupPage />}</RequireLogin> },
        { path: '/career/rounds/:id/ranks', element: <RequireLogin role="career_center">{() => <RoundRanksPage />}</RequireLogin> },
        { path: '/career/rounds/:id/preview', element: <RequireLogin role="career_center">{() => <RoundPreviewPage />}</RequireLogin> },
        { path: '/career/rounds/:id/confirm', element: <RequireLogin role="career_center">{() => <RoundConfirmPage />}</RequireLogin> },
        { path: '/placement/rounds', element: <RequireLogin role="facility">{() => <FacilityRoundsPage />}</RequireLogin> },
        { path: '/facility/recruit-requests', element: <RequireLogin role="facility">{() => <FacilityRecruitRequestsPage />}</RequireLogin> },
        { path: '/placement/rounds/:id', element: <RequireLogin role="facility">{() => <FacilityRoundPage />}</RequireLogin> },
        { path: '/feeds', element: <RequireLogin role={['coordinator', 'secretariat']}>{() => <FeedsPage />}</RequireLogin> },
        { path: '/beds', element: <RequireLogin role={['aggregator', 'secretariat']}>{(user) => <BedBoardPage user={user} />}</RequireLogin> },
        { path: '/beds/report', element: <RequireLogin role="facility">{(user) => <BedReportPage user={user} />}</RequireLogin> },
        {
          path: '/beds/facilities/:id',
          element: <RequireLogin>{(user) => <BedFacilityPage backTo={user.role === 'facility' ? 'report' : 'board'} />}</RequireLogin>,
        },
        { path: '/helpdesk', element: <RequireLogin>{(user) => <InquiryListPage user={user} />}</RequireLogin> },
        { path: '/helpdesk/new', element: <RequireLogin>{() => <InquiryNewPage />}</RequireLogin> },
        { path: '/helpdesk/:id', element: <RequireLogin>{(user) => <InquiryDetailPage user={user} />}</RequireLogin> },
        { path: '/faq', element: <FaqPage /> },
        { path: '/faq/new', element: <RequireLogin role="secretariat">{() => <FaqEditPage />}</RequireLogin> },
        { path: '/faq/:id', element: <FaqArticlePage /> },
        { path: '/faq/:id/edit', element: <RequireLogin role="secretariat">{() => <FaqEditPage />}</RequireLogin> },
        { path: '/announcements', element: <AnnouncementsPage /> },
        { path: '/announcements/new', element: <RequireLogin role="secretariat">{() => <AnnouncementNewPage />}</RequireLogin> },
        { path: '/announcements/:id', element: <AnnouncementDetailPage /> },
        { path: '/announcements/:id/edit', element: <RequireLogin role="secretariat">{() => <AnnouncementEditPage />}</RequireLogin> },
        { path: '/postings/:id/apply', element: <RequireLogin role="seeker">{() => <ApplyPage />}</RequireLogin> },
        {
          path: '/applications',
          element: (
            <RequireLogin role={['seeker', 'facility', 'coordinator', 'secretariat']}>{(user) => <ApplicationsPage user={user} />}</RequireLogin>
          ),
        },
        {
          path: '/applications/:id',
          element: (
            <RequireLogin role={['seeker', 'facility', 'coordinator', 'secretariat']}>{(user) => <ApplicationDetailPage user={user} />}</RequireLogin>
          ),
        },
        {
          path: '/applications/:id/interview',
          element: (
            <RequireLogin role={['seeker', 'facility', 'coordinator', 'secretariat']}>{(user) => <InterviewRoomPage user={user} />}</RequireLogin>
          ),
        },
        { path: '/coordination', element: <RequireLogin role={['coordinator', 'secretariat']}>{() => <CoordinationPage />}</RequireLogin> },
        {
          path: '/coordination/postings/:id/candidates',
          element: <RequireLogin role={['coordinator', 'secretariat']}>{() => <CoordinationCandidatesPage />}</RequireLogin>,
        },
        { path: '/coordination/chat', element: <RequireLogin role={['coordinator', 'secretariat']}>{() => <ChatHandoversPage />}</RequireLogin> },
        { path: '/mails', element: <MailsPage /> },
        { path: '/about', element: <AboutPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
