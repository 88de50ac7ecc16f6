import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { messageForError } from '../../shared/forms/form_errors';
import { useMessageText } from '../../shared/i18n/message';
import type { SessionUser } from '../../shared/session/session_api';
import { useLogOut, type LogOutScope } from '../../shared/session/use_session';

/** The logged-in user's name and organisation, opening a menu with the account settings and logging out here or everywhere. */
export function AccountMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const text = useMessageText();
  const navigate = useNavigate();
  const logOut = useLogOut();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const organisationNames = user.organisations.map((organisation) => organisation.name).join(t('common.listSeparator'));

  const closeMenu = useCallback(() => setOpen(false), []);
  useCloseOnOutsideInteraction(open, container, closeMenu);

  function logOutWith(scope: LogOutScope): void {
    logOut.mutate(scope, { onSuccess: () => void navigate('/login', { replace: true }) });
  }

  return (
    <div
      ref={container}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="flex min-h-11 w-full items-center justify-between gap-3 rounded-8 border border-solid-gray-600 bg-white px-4 py-2 text-left hover:bg-blue-50 desktop:w-auto"
      >
        <span className="flex flex-col">
          <span className="text-std-16B-170 text-solid-gray-900">{t('layout.userName', { name: user.display_name })}</span>
          {organisationNames !== '' && <span className="text-dns-14N-130 text-solid-gray-700">{organisationNames}</span>}
        </span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className={`h-4 w-4 shrink-0 transition-transform ${open ? 'rotate-180' : ''}`}>
          <path d="M2 5l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span className="sr-only">{t('layout.accountMenu')}</span>
      </button>
      <div
        id={menuId}
        // A class, not the hidden attribute: Tailwind's display utilities would override the attribute.
        className={`${open ? 'flex' : 'hidden'} mt-2 flex-col gap-1 rounded-8 border border-solid-gray-420 bg-white p-2 shadow-2 desktop:absolute desktop:right-0 desktop:z-20 desktop:min-w-[18rem]`}
      >
        <Link
          to="/account"
          onClick={() => setOpen(false)}
          className="inline-flex min-h-11 items-center rounded-6 px-4 py-2 text-std-16N-170 text-blue-1000 underline underline-offset-[3px] hover:bg-blue-50 hover:decoration-[3px]"
        >
          {t('layout.accountSettings')}
        </Link>
        <button
          type="button"
          onClick={() => logOutWith('this_device')}
          className="min-h-11 rounded-6 px-4 py-2 text-left text-std-16N-170 text-solid-gray-900 hover:bg-blue-50 hover:underline"
        >
          {t('layout.logOut')}
        </button>
        <button
          type="button"
          onClick={() => logOutWith('all_devices')}
          className="min-h-11 rounded-6 px-4 py-2 text-left text-std-16N-170 text-solid-gray-900 hover:bg-blue-50 hover:underline"
        >
          {t('layout.logOutEverywhere')}
        </button>
        {logOut.isError && (
          <p role="alert" className="px-4 py-2 text-dns-16N-130 text-error-1">
            {text(messageForError(logOut.error))}
          </p>
        )}
      </div>
    </div>
  );
}

/** Closes an open menu when a click or focus lands outside it. */
function useCloseOnOutsideInteraction(open: boolean, container: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) {
      return;
    }
    function handle(event: Event): void {
      if (container.current && event.target instanceof Node && !container.current.contains(event.target)) {
        close();
      }
    }
    document.addEventListener('pointerdown', handle);
    document.addEventListener('focusin', handle);
    return () => {
      document.removeEventListener('pointerdown', handle);
      document.removeEventListener('focusin', handle);
    };
  }, [open, container, close]);
}
