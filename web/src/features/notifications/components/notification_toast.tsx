import { Link } from 'react-router';
import type { LiveNotice } from '../api/notifications_api';
import { useNotificationsTranslation } from '../i18n/notifications_i18n';
import { internalPath } from '../live_notice';

/**
 * The newest notice that arrived while the user was on some page. The live
 * region is always in the page (a region added together with its text is
 * often not announced) and polite, so a screen reader finishes what it is
 * reading first. The notice stays until it is closed or opened: no time limit.
 */
export function NotificationToast({
  notice,
  onOpen,
  onClose,
}: {
  notice: LiveNotice | null;
  onOpen: (notice: LiveNotice) => void;
  onClose: () => void;
}) {
  const { t } = useNotificationsTranslation();
  const path = notice === null ? null : internalPath(notice.link);
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={t('toast.region')}
      className="pointer-events-none fixed inset-x-4 bottom-4 z-30 flex justify-end desktop:inset-x-auto desktop:right-6 desktop:bottom-6"
    >
      {notice !== null && (
        <div
          data-notice-toast
          className="pointer-events-auto flex w-full max-w-[28rem] flex-col gap-2 rounded-12 border-2 border-blue-900 bg-white p-5 shadow-3"
        >
          <p className="text-std-17B-170 text-solid-gray-900">{notice.title}</p>
          <p className="whitespace-pre-wrap break-words text-std-16N-170 text-solid-gray-800">{notice.body}</p>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {path !== null && (
              <Link
                to={path}
                onClick={() => onOpen(notice)}
                className="inline-flex min-h-11 items-center text-std-16N-170 text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]"
              >
                {t('toast.open')}
              </Link>
            )}
            <Link
              to="/notifications"
              onClick={onClose}
              className="inline-flex min-h-11 items-center text-std-16N-170 text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]"
            >
              {t('toast.list')}
            </Link>
            <button
              type="button"
              onClick={onClose}
              className="ml-auto inline-flex min-h-11 items-center rounded-8 border border-solid-gray-600 px-4 text-oln-16B-100 text-solid-gray-900 hover:bg-blue-50"
            >
              {t('toast.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
