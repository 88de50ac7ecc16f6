import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { MatchSummary } from '../../../shared/matching/match_summary';
import { Alert } from '../../../shared/ui/alert';
import { DescriptionList } from '../../../shared/ui/description_list';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useCoordinationCandidates, useCoordinationPosting, type CoordinationCandidate } from '../api/coordination_api';
import { useConditionItems } from '../components/seeker_card';
import { useApplicationsTranslation } from '../i18n/applications_i18n';

/**
 * 「候補者の検索」 for a posting of the coordinator's region: the matching
 * engine's seekers, best first, pseudonymous (handle and conditions), each
 * with its score out of 100 and the reasons that moved it either way (the
 * shared MatchSummary, as on the facility's candidates page). Who
 * they are stays hidden; a coordinator reaches them through a contact
 * request or an application and the match.
 */
export function CoordinationCandidatesPage() {
  const { t } = useApplicationsTranslation();
  const text = useMessageText();
  const title = t('candidates.title');
  useDocumentTitle(title);
  const postingId = useParams().id ?? '';
  const posting = useCoordinationPosting(postingId);
  const candidates = useCoordinationCandidates(postingId);
  const notFound = candidates.error instanceof ApiError && (candidates.error.status === 404 || candidates.error.status === 403);
  const result = candidates.data;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to="/coordination">{t('candidates.back')}</TextLink>
        </p>
        <PageHeading>{title}</PageHeading>
        {posting.data !== undefined && <p className="text-std-20B-150 text-solid-gray-900">{t('candidates.posting', { title: posting.data.title })}</p>}
        <p className="text-std-16N-170 text-solid-gray-800">{t('candidates.lead')}</p>
      </div>
      <Alert kind="info" title={t('candidates.privacyNote')}>
        <p>{t('candidates.privacyDetail')}</p>
      </Alert>
      {candidates.isPending && <LoadingIndicator />}
      {candidates.isError && (
        <Alert kind="error">
          <p>{notFound ? t('candidates.notFound') : text(messageForError(candidates.error))}</p>
        </Alert>
      )}
      {result !== undefined && (
        <section aria-labelledby="candidate-results" className="flex flex-col gap-6">
          <div className="flex flex-wrap items-baseline gap-x-4">
            <h2 id="candidate-results" className="text-std-24B-150 text-solid-gray-900">
              {t('candidates.title')}
            </h2>
            <p className="text-std-20B-150 text-solid-gray-900">{t('candidates.count', { count: result.total })}</p>
          </div>
          {result.items.length === 0 ? (
            <p className="text-std-16N-170">{t('candidates.empty')}</p>
          ) : (
            <ul className="grid grid-cols-1 gap-4 desktop-admin:grid-cols-2">
              {result.items.map((match) => (
                <li key={match.candidate.handle}>
                  <CandidateItem match={match} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function CandidateItem({ match }: { match: CoordinationCandidate }) {
  const conditions = useConditionItems(match.candidate);
  return (
    <article className="flex h-full flex-col gap-3 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
      <h3 className="text-std-20B-150 text-solid-gray-900" data-candidate-handle>
        {match.candidate.handle}
      </h3>
      <DescriptionList items={conditions} />
      <MatchSummary score={match.score} reasons={match.reasons} details={match.reason_details} />
    </article>
  );
}
