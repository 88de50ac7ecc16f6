import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDevMailsAvailable } from '../../features/dev_mails/api/dev_mails_api';
import { NotificationBell } from '../../features/notifications/components/notification_bell';
import { mustSetUpSecondFactor } from '../../shared/session/session_api';
import { useCurrentUser } from '../../shared/session/use_session';
import { AccountMenu } from './account_menu';
import { LanguageSwitch } from './language_switch';
import { SiteLogo } from './site_logo';

const HEADER_LINK_CLASSES =
  'inline-flex min-h-11 items-center text-std-16N-170 text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]';

/**
 * Site name, language switch and the user's account. On a phone everything
 * but the site name folds into a menu button, so the page content starts high.
 */
export function SiteHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const currentUser = useCurrentUser().data ?? null;
  const mailsAvailable = useDevMailsAvailable();
  const [menuOpen, setMenuOpen] = useState(false);

  // A followed link should not leave the phone menu covering the new page.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <header className="border-b border-solid-gray-420 bg-white">
      <div className="mx-auto flex w-full max-w-[75rem] flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 desktop:px-10">
        <Link to="/" className="flex items-center gap-3 rounded-8 text-solid-gray-900 no-underline">
          <SiteLogo />
          <span className="flex flex-col">
            <span className="text-std-24B-150 leading-120">{t('site.name')}</span>
            <span className="text-dns-14N-130 text-solid-gray-700">{t('site.subtitle')}</span>
          </span>
        </Link>
        {/* The bell stays outside the phone menu, so the unread count is always in sight. A restricted session gets no notices (403). */}
        <div className="ml-auto flex items-center gap-3">
          {currentUser !== null && !mustSetUpSecondFactor(currentUser) && <NotificationBell user={currentUser} />}
          <button
            type="button"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((open) => !open)}
            className="inline-flex min-h-11 items-center gap-2 rounded-8 border border-solid-gray-600 px-3 text-oln-16B-100 text-solid-gray-900 desktop:hidden"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6">
              {menuOpen ? (
                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              ) : (
                <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              )}
            </svg>
            {menuOpen ? t('layout.closeMenu') : t('layout.menu')}
          </button>
        </div>
        <div
          id="site-menu"
          className={`${menuOpen ? 'flex' : 'hidden'} w-full flex-col gap-4 border-t border-solid-gray-200 pt-4 desktop:flex desktop:w-auto desktop:flex-row desktop:items-center desktop:gap-6 desktop:border-t-0 desktop:pt-0`}
        >
          <nav aria-label={t('layout.headerNavigation')}>
            <ul className="flex flex-col gap-2 desktop:flex-row desktop:gap-6">
              <li>
                <Link to="/postings" className={HEADER_LINK_CLASSES} aria-current={pathname === '/postings' ? 'page' : undefined}>
                  {t('layout.postingSearch')}
                </Link>
              </li>
              {currentUser?.role === 'seeker' && <li><Link to="/contact-requests" className={HEADER_LINK_CLASSES} aria-current={pathname === '/contact-requests' ? 'page' : undefined}>{t('layout.contactRequests')}</Link></li>}
              {mailsAvailable && (
                <li>
                  <Link to="/mails" className={HEADER_LINK_CLASSES} aria-current={pathname === '/mails' ? 'page' : undefined}>
                    {t('mails.title')}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          <LanguageSwitch />
          {currentUser !== null ? (
            <AccountMenu user={currentUser} />
          ) : (
            pathname !== '/login' && (
              <Link to="/login" className={HEADER_LINK_CLASSES}>
                {t('login.title')}
              </Link>
            )
          )}
        </div>
      </div>
    </header>
  );
}
