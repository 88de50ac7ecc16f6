import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../../../shared/session/session_api';
import { Badge } from '../../../shared/ui/badge';
import { buttonClassName } from '../../../shared/ui/button';
import { DescriptionList } from '../../../shared/ui/description_list';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { useOwnPostingContact, type OwnPostingContact } from '../api/postings_api';

const SENT_KINDS = ['inquiry', 'application', 'contact_request'] as const;
const SENT_STAGES = ['new', 'coordinating', 'interview_scheduling', 'interviewed', 'offered', 'hired', 'rejected', 'declined', 'withdrawn'] as const;

const KINDS = [
  { kind: 'inquiry', labelKey: 'postingDetail.applyInquiry' },
  { kind: 'application', labelKey: 'postingDetail.applyApplication' },
  { kind: 'contact_request', labelKey: 'postingDetail.applyContact' },
] as const;

/**
 * The ways a seeker gets in touch about a published posting: 問い合わせ,
 * 応募, or a coordinator's help (コンタクト依頼), each on its own page.
 * A visitor who is not logged in is offered the login, which brings them back
 * here; other roles see nothing. A seeker who already sent one of them (the
 * server takes one per posting) sees that one, its stage and the way to it.
 */
export function PostingApplyLinks({ postingId, user }: { postingId: string; user: SessionUser | null }) {
  const { t } = useTranslation();
  const seeker = user !== null && user.role === 'seeker';
  const sent = useOwnPostingContact(postingId, seeker);
  if (user !== null && user.role !== 'seeker') {
    return null;
  }
  if (seeker && sent.isPending) {
    return <LoadingIndicator />;
  }
  if (seeker && sent.data !== undefined && sent.data !== null) {
    return <SentContact contact={sent.data} />;
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

/** What the seeker already sent about this posting, instead of the three ways to get in touch. */
function SentContact({ contact }: { contact: OwnPostingContact }) {
  const { t } = useTranslation();
  const kind = (SENT_KINDS as readonly string[]).includes(contact.kind)
    ? t(`postingDetail.sentKinds.${contact.kind as (typeof SENT_KINDS)[number]}`)
    : contact.kind;
  const stage = (SENT_STAGES as readonly string[]).includes(contact.stage)
    ? t(`postingDetail.sentStages.${contact.stage as (typeof SENT_STAGES)[number]}`)
    : (contact.stage_name ?? contact.stage);
  return (
    <section aria-labelledby="posting-apply" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
      <h2 id="posting-apply" className="text-std-20B-150 text-solid-gray-900">
        {t('postingDetail.sentHeading')}
      </h2>
      <p className="text-std-16N-170 text-solid-gray-800">{t('postingDetail.sentLead')}</p>
      <DescriptionList
        items={[
          { label: t('postingDetail.sentKind'), value: kind },
          { label: t('postingDetail.sentStage'), value: <Badge kind="info">{stage}</Badge> },
        ]}
      />
      <p>
        <Link to={`/applications/${encodeURIComponent(contact.id)}`} className={buttonClassName('primary', 'w-full desktop:w-auto')}>
          {t('postingDetail.sentLink', { kind })}
        </Link>
      </p>
    </section>
  );
}
