import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { mustSetUpSecondFactor, type SessionUser } from '../../../shared/session/session_api';
import { Alert } from '../../../shared/ui/alert';
import { Card } from '../../../shared/ui/card';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { MailNoticesForm } from '../components/mail_notices_form';
import { PasswordChangeForm } from '../components/password_change_form';
import { SecondFactorSection } from '../components/second_factor_section';
import { useAccountsTranslation } from '../i18n/accounts_i18n';

/**
 * 「アカウント設定」: the password, the second factor and, for staff, how
 * notices reach them by mail. A session that must
 * set up a second factor first (secretariat, coordinators) is sent here from
 * every page and sees only that part: the server refuses everything else,
 * the password change included, until it is done.
 */
export function AccountPage({ user }: { user: SessionUser }) {
  const { t } = useAccountsTranslation();
  useDocumentTitle(t('account.title'));
  const restricted = mustSetUpSecondFactor(user);

  return (
    <NarrowPage heading={t('account.title')} lead={restricted ? undefined : t('account.lead')}>
      {restricted && (
        <Alert kind="info">
          <p>{t('account.setupRequiredNotice')}</p>
        </Alert>
      )}
      {!restricted && (
        <section aria-labelledby="account-password" className="flex flex-col gap-6">
          <SectionHeading id="account-password">{t('password.heading')}</SectionHeading>
          <Card>
            <PasswordChangeForm user={user} />
          </Card>
        </section>
      )}
      {!restricted && user.mail_notices !== undefined && (
        <section aria-labelledby="account-mail-notices" className="flex flex-col gap-6">
          <SectionHeading id="account-mail-notices">{t('mailNotices.heading')}</SectionHeading>
          <Card>
            <MailNoticesForm user={{ ...user, mail_notices: user.mail_notices }} />
          </Card>
        </section>
      )}
      <section aria-labelledby="account-second-factor" className="flex flex-col gap-6">
        <SectionHeading id="account-second-factor">{t('secondFactor.heading')}</SectionHeading>
        <Card>
          <SecondFactorSection user={user} />
        </Card>
      </section>
    </NarrowPage>
  );
}
