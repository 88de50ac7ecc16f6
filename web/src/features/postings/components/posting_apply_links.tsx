import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../../../shared/session/session_api';
import { buttonClassName } from '../../../shared/ui/button';

const KINDS = [
  { kind: 'inquiry', labelKey: 'postingDetail.applyInquiry' },
  { kind: 'application', labelKey: 'postingDetail.applyApplication' },
  { kind: 'contact_request', labelKey: 'postingDetail.applyContact' },
] as const;

/**
 * The ways a seeker gets in touch about a published posting: 問い合わせ,
 * 応募, or a coordinator's help (コンタクト依頼), each on its own page.
 * A visitor who is not logged in is offered the login, which brings them back
 * here; other roles see nothing.
 */
export function PostingApplyLinks({ postingId, user }: { postingId: string; user: SessionUser | null }) {
  const { t } = useTranslation();
  if (user !== null && user.role !== 'seeker') {
    return null;
  }
  const postingPath = `/postings/${encodeURIComponent(postingId)}`;
  return (
    <section aria-labelledby="posting-apply" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
      <h2 id="posting-apply" className="text-std-20B-150 text-solid-gray-900">
        {t('postingDetail.applyHeading')}
      </h2>
      {user === null ? (
        <>
          <p className="text-std-16N-170 text-solid-gray-800">{t('postingDetail.applyLoginLead')}</p>
          <p>
            <Link to={`/login?next=${encodeURIComponent(postingPath)}`} className={buttonClassName('primary', 'w-full desktop:w-auto')}>
              {t('postingDetail.applyLogin')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="text-std-16N-170 text-solid-gray-800">{t('postingDetail.applyLead')}</p>
          <ul className="flex flex-col gap-3 desktop:flex-row desktop:flex-wrap">
            {KINDS.map(({ kind, labelKey }) => (
              <li key={kind}>
                <Link
                  to={`${postingPath}/apply?kind=${kind}`}
                  className={buttonClassName(kind === 'application' ? 'primary' : 'secondary', 'w-full desktop:w-auto')}
                >
                  {t(labelKey)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
