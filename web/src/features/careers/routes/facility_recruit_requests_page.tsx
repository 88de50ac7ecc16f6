import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Badge } from '../../../shared/ui/badge';
import { Button } from '../../../shared/ui/button';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextLink } from '../../../shared/ui/text_link';
import { useDeclineRecruitRequest, useFacilityRecruitRequests, useRecruitRequestPosting, type RecruitRequest } from '../api/careers_api';
import { ErrorList } from '../components/error_list';
import { RECRUIT_STATE_BADGE } from '../components/recruit_requests';
import { useCareersTranslation } from '../i18n/careers_i18n';

function DeclineForm({ request, onDone }: { request: RecruitRequest; onDone: () => void }) {
  const { t } = useCareersTranslation();
  const decline = useDeclineRecruitRequest();
  const [reason, setReason] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    decline.mutate({ id: request.id, reason }, { onSuccess: onDone });
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      {decline.isError && <ErrorList error={decline.error} />}
      <TextAreaField label={t('recruit.reason')} name={`reason-${request.id}`} value={reason} onValueChange={setReason} rows={2} required />
      <div>
        <SubmitButton busy={decline.isPending} label={t('recruit.decline')} busyLabel={t('recruit.decline')} />
      </div>
    </form>
  );
}

function RequestCard({ request }: { request: RecruitRequest }) {
  const { t, language } = useCareersTranslation();
  const navigate = useNavigate();
  const posting = useRecruitRequestPosting();
  const [declining, setDeclining] = useState(false);
  const r = request;
  const headingId = `recruit-${r.id}`;
  return (
    <li aria-labelledby={headingId} className="flex flex-col gap-3 rounded-12 border border-solid-gray-420 bg-white p-5">
      <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-std-18B-160">
        <Badge kind={RECRUIT_STATE_BADGE[r.state]}>{r.state_label}</Badge>
        <span>{t('recruit.facilityTitle', { centre: r.centre_name })}</span>
      </h2>
      <dl className="grid gap-x-4 gap-y-1 text-std-16N-170 desktop:grid-cols-[max-content_1fr]">
        <dt className="text-std-16B-170">{t('recruit.periodLabel')}</dt>
        <dd>{t('recruit.period', { start: formatDate(r.start, language), end: formatDate(r.end, language) })}</dd>
        <dt className="text-std-16B-170">{t('recruit.department')}</dt>
        <dd>{r.department ?? t('recruit.noDepartment')}</dd>
        <dt className="text-std-16B-170">{t('recruit.facility')}</dt>
        <dd>{r.facility_name}</dd>
        <dt className="text-std-16B-170">{t('recruit.receivedAt')}</dt>
        <dd>{formatDateTime(r.created_at, language)}</dd>
      </dl>
      {r.note !== null && <FreeText text={r.note} />}
      {r.state === 'sent' && (
        <div className="flex flex-col gap-3">
          {posting.isError && <ErrorList error={posting.error} />}
          <div className="flex flex-wrap gap-3">
            <Button variant="primary" disabled={posting.isPending}
              onClick={() => posting.mutate(r.id, { onSuccess: (data) => navigate(`/facility/postings/${encodeURIComponent(data.posting_id)}/edit`) })}>
              {t('recruit.makePosting')}
            </Button>
            <Button variant="secondary" aria-expanded={declining} onClick={() => setDeclining((v) => !v)}>
              {t('recruit.declineOpen')}
            </Button>
          </div>
          {declining && <DeclineForm request={r} onDone={() => setDeclining(false)} />}
        </div>
      )}
      {r.state === 'posted' && r.posting_id !== null && (
        <p>
          <TextLink to={`/facility/postings/${encodeURIComponent(r.posting_id)}/edit`}>{t('recruit.openPosting')}</TextLink>
        </p>
      )}
      {r.decline_reason !== null && <p className="text-std-16N-170">{t('recruit.reasonShown', { reason: r.decline_reason })}</p>}
      {r.handled_by !== null && r.handled_at !== null && (
        <p className="text-std-16N-170 text-solid-gray-700">{t('recruit.handledBy', { name: r.handled_by, time: formatDateTime(r.handled_at, language) })}</p>
      )}
    </li>
  );
}

/** The facility's 募集の依頼 from career centres: make one a draft posting of its own, or decline it with a reason. */
export function FacilityRecruitRequestsPage() {
  const { t } = useCareersTranslation();
  useDocumentTitle(t('recruit.facilityHeading'));
  const list = useFacilityRecruitRequests();
  return (
    <div className="flex flex-col gap-6">
      <PageHeading>{t('recruit.facilityHeading')}</PageHeading>
      <p className="text-std-16N-170 text-solid-gray-800">{t('recruit.facilityLead')}</p>
      {list.isPending ? (
        <LoadingIndicator />
      ) : list.isError ? (
        <ErrorList error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="text-std-16N-170">{t('recruit.facilityNone')}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {list.data.items.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </ul>
      )}
    </div>
  );
}
