import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDevMailsAvailable } from '../../features/dev_mails/api/dev_mails_api';
import { useHelpdeskTranslation } from '../../features/helpdesk/i18n/helpdesk_i18n';
import { useCurrentUser } from '../../shared/session/use_session';

const FOOTER_LINK_CLASSES = 'text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]';

export function SiteFooter() {
  const { t } = useTranslation();
  const { t: tHelpdesk } = useHelpdeskTranslation();
  const mailsAvailable = useDevMailsAvailable();
  const loggedIn = (useCurrentUser().data ?? null) !== null;
  return (
    <footer className="border-t border-solid-gray-420 bg-solid-gray-50">
      <div className="mx-auto flex w-full max-w-[75rem] flex-col gap-6 px-4 py-8 desktop:px-10">
        <nav aria-label={t('layout.footerNavigation')}>
          <ul className="flex flex-wrap gap-x-8 gap-y-3 text-std-16N-170">
            <li>
              <Link to={loggedIn ? '/' : '/login'} className={FOOTER_LINK_CLASSES}>
                {loggedIn ? t('layout.home') : t('login.title')}
              </Link>
            </li>
            <li>
              <Link to="/postings" className={FOOTER_LINK_CLASSES}>
                {t('layout.postingSearch')}
              </Link>
            </li>
            <li>
              <Link to="/announcements" className={FOOTER_LINK_CLASSES}>
                {tHelpdesk('layout.announcements')}
              </Link>
            </li>
            <li>
              <Link to="/faq" className={FOOTER_LINK_CLASSES}>
                {tHelpdesk('layout.faq')}
              </Link>
            </li>
            {loggedIn && (
              <li>
                <Link to="/helpdesk" className={FOOTER_LINK_CLASSES}>
                  {tHelpdesk('layout.helpdesk')}
                </Link>
              </li>
            )}
            {!loggedIn && (
              <li>
                <Link to="/register" className={FOOTER_LINK_CLASSES}>
                  {t('login.registerLink')}
                </Link>
              </li>
            )}
            <li>
              <Link to="/about" className={FOOTER_LINK_CLASSES}>
                {t('layout.about')}
              </Link>
            </li>
            {mailsAvailable && (
              <li>
                <Link to="/mails" className={FOOTER_LINK_CLASSES}>
                  {t('mails.title')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <p className="text-dns-14N-130 text-solid-gray-700">
          {t('site.name')} — {t('site.footerTagline')}
        </p>
      </div>
    </footer>
  );
}
