import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDevMailsAvailable } from '../../features/dev_mails/api/dev_mails_api';
import { headerLinks, isCurrentSection } from '../../features/home/role_navigation';
import { NotificationBell } from '../../features/notifications/components/notification_bell';
import type { TranslationKey } from '../../shared/i18n/message';
import { isRole } from '../../shared/reference/roles';
import { mustSetUpSecondFactor, type SessionUser } from '../../shared/session/session_api';
import { useCurrentUser } from '../../shared/session/use_session';
import { AccountMenu } from './account_menu';
import { LanguageSwitch } from './language_switch';
import { SiteLogo } from './site_logo';

const HEADER_LINK_CLASSES =
  'inline-flex min-h-11 items-center text-std-16N-170 text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px] aria-[current=page]:font-700 aria-[current=page]:decoration-[3px]';

/**
 * Site name, language switch, the user's account and the role's navigation.
 * On a desktop the navigation is a second row under the rest; on a phone the
 * header is one row (site name, bell, menu button) and everything else folds
 * into the menu, so the page content starts high. The DOM order is the visual
 * order on a desktop (language, account, then the row of links), so the tab
 * order follows what the eye sees.
 */
export function SiteHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const currentUser = useCurrentUser().data ?? null;
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  // A followed link should not leave the phone menu covering the new page.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <header className="border-b border-solid-gray-420 bg-white">
      <div
        className="mx-auto flex w-full max-w-[75rem] flex-wrap items-center gap-x-3 gap-y-3 px-4 py-3 desktop:gap-x-6 desktop:px-10"
        onKeyDown={(event) => {
          // Escape closes the phone menu and returns to its button, as in any disclosure menu.
          if (event.key === 'Escape' && menuOpen && !event.defaultPrevented) {
            setMenuOpen(false);
            menuButton.current?.focus();
          }
        }}
      >
        <Link to="/" className="order-1 flex items-center gap-3 rounded-8 text-solid-gray-900 no-underline">
          <SiteLogo />
          <span className="flex flex-col">
            <span className="text-std-24B-150 leading-120">{t('site.name')}</span>
            {/* Logged in, a phone's one row also holds the bell: the tagline gives way to it (screen readers still get it). */}
            <span className={`text-dns-14N-130 text-solid-gray-700 ${currentUser !== null ? 'sr-only desktop:not-sr-only' : ''}`}>{t('site.subtitle')}</span>
          </span>
        </Link>
        {/* The bell stays outside the phone menu, so the unread count is always in sight. A restricted session gets no notices (403). */}
        <div className="order-2 ml-auto flex items-center gap-2 desktop:gap-3">
          {currentUser !== null && !mustSetUpSecondFactor(currentUser) && <NotificationBell user={currentUser} />}
          <button
            ref={menuButton}
            type="button"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((open) => !open)}
            className="inline-flex min-h-11 items-center gap-1 rounded-8 border border-solid-gray-600 px-2 text-oln-16B-100 text-solid-gray-900 desktop:hidden"
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
        {/* On a desktop this wrapper dissolves (display: contents): its parts join the header's rows. */}
        <div
          id="site-menu"
          className={`${menuOpen ? 'flex' : 'hidden'} order-3 w-full flex-col gap-4 border-t border-solid-gray-200 pt-4 desktop:contents`}
        >
          <div className="desktop:order-2">
            <LanguageSwitch />
          </div>
          <div className="desktop:order-2">
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
          <HeaderNavigation user={currentUser} pathname={pathname} />
        </div>
      </div>
    </header>
  );
}

/** The role's daily functions (求人検索 for visitors), and the demo's mail box only where the server keeps one. */
function HeaderNavigation({ user, pathname }: { user: SessionUser | null; pathname: string }) {
  const { t } = useTranslation();
  const mailsAvailable = useDevMailsAvailable();
  // A session that must first set up its second factor can open nothing else yet.
  const role = user !== null && !mustSetUpSecondFactor(user) && isRole(user.role) ? user.role : null;
  const links: { key: string; path: string; label: string }[] =
    role === null
      ? [{ key: 'postingSearch', path: '/postings', label: t('layout.postingSearch') }]
      : [
          { key: 'home', path: '/', label: t('layout.home') },
          ...headerLinks(role).map((link) => ({
            key: link.id,
            path: link.path,
            label: t(`home.functions.${link.id}.name` as TranslationKey),
          })),
        ];
  if (mailsAvailable) {
    links.push({ key: 'mails', path: '/mails', label: t('mails.title') });
  }
  return (
    <nav
      aria-label={role === null ? t('layout.headerNavigation') : t('layout.roleNavigation')}
      className="desktop:order-3 desktop:w-full desktop:border-t desktop:border-solid-gray-200 desktop:pt-2"
    >
      <ul className="flex flex-col gap-1 desktop:flex-row desktop:flex-wrap desktop:gap-x-6 desktop:gap-y-0">
        {links.map((link) => (
          <li key={link.key}>
            <Link
              to={link.path}
              className={HEADER_LINK_CLASSES}
              aria-current={isCurrentSection(link.path, pathname) ? 'page' : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
