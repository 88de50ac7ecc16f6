import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { ChatPanel } from '../../features/chat/components/chat_panel';
import { SecondFactorSetupGuard } from '../routes/second_factor_setup_guard';
import { SiteFooter } from './site_footer';
import { SiteHeader } from './site_header';
import { SkipLink } from './skip_link';

export const MAIN_CONTENT_ID = 'main-content';

/** Skip link, header, main, footer and the chat panel around every page; a session that must set up a second factor sees only /account. */
export function AppLayout() {
  useFocusHeadingOnNavigation();
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <SkipLink targetId={MAIN_CONTENT_ID} />
      <SiteHeader />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex-1 focus:outline-none">
        <div className="mx-auto w-full max-w-[75rem] px-4 py-8 desktop:px-10 desktop:py-12">
          <SecondFactorSetupGuard>
            <Outlet />
          </SecondFactorSetupGuard>
        </div>
      </main>
      <SiteFooter />
      <ChatPanel />
      <ScrollRestoration />
    </div>
  );
}

/**
 * A client-side navigation does not move focus or make screen readers
 * announce anything, unlike a page load. Moving focus to the new page's h1
 * gives both back. The first render is a real page load and is left alone.
 */
function useFocusHeadingOnNavigation(): void {
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current === pathname) {
      return;
    }
    previousPathname.current = pathname;
    // Wait a frame: the new page (and its heading, once loaded) renders first.
    const frame = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('[data-page-heading]');
      (heading ?? document.getElementById(MAIN_CONTENT_ID))?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
