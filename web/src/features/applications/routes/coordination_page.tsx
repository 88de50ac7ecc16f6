import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { buttonClassName } from '../../../shared/ui/button';
import { FreeText } from '../../../shared/ui/free_text';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { useCoordinationQueue, useFacilityRequestQueue } from '../api/coordination_api';
import { useApplicationsTranslation } from '../i18n/applications_i18n';

/**
 * 「コーディネーター業務」: the queue of the coordinator's region (SPEC.md
 * "Applications and coordination"): new contact requests, follow-ups that are
 * due, urgent postings nobody has applied to yet (with how many seekers meet
 * them, and the way to the pseudonymous candidate search), and hires whose
 * training is still open.
 */
export function CoordinationPage() {
  const { t, language } = useApplicationsTranslation();
  const text = useMessageText();
  const labels = useCodeLabels();
  const title = t('coordination.title');
  useDocumentTitle(title);
  const queue = useCoordinationQueue();
  const data = queue.data;
  const applicationLink = (id: string, label: string) => (
    <Link to={`/applications/${encodeURIComponent(id)}`} className={`${TEXT_LINK_CLASSES} break-words font-700`}>
      {label}
    </Link>
  );

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        <PageHeading>{title}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('coordination.lead')}</p>
        <p>
          <Link to="/applications" className={buttonClassName('secondary')}>
            {t('coordination.applicationsLink')}
          </Link>
        </p>
        <p>
          <Link to="/coordination/chat" className={buttonClassName('secondary')}>
            {t('coordination.chatLink')}
          </Link>
        </p>
      </div>
      {queue.isPending && <LoadingIndicator />}
      {queue.isError && (
        <Alert kind="error">
          <p>{text(messageForError(queue.error))}</p>
        </Alert>
      )}
      {data !== undefined && (
        <>
          <QueueSection id="queue-contact-requests" heading={t('coordination.contactRequests.heading')} count={data.contact_requests.length} empty={t('coordination.contactRequests.empty')}>
            {data.contact_requests.map((item) => (
              <li key={item.application_id} className={ITEM_CLASSES}>
                <p className="flex flex-wrap items-center gap-2 text-std-17B-170">
                  {item.urgency === 'immediate' && <Badge kind="urgent">{labels.urgency(item.urgency)}</Badge>}
                  {applicationLink(item.application_id, item.posting_title)}
                </p>
                <p className="text-std-16N-170 text-solid-gray-700">{t('coordination.contactRequests.received', { time: formatDateTime(item.created_at, language) })}</p>
              </li>
            ))}
          </QueueSection>
          <FacilityRequestsSection />
          <QueueSection id="queue-follow-ups" heading={t('coordination.followUps.heading')} count={data.follow_ups_due.length} empty={t('coordination.followUps.empty')}>
            {data.follow_ups_due.map((item, index) => (
              <li key={`${item.application_id}-${index}`} className={ITEM_CLASSES}>
                <p className="text-std-17B-170 text-solid-gray-900">{t('coordination.followUps.due', { date: formatDate(item.follow_up_on, language) })}</p>
                <div className="text-std-16N-170 text-solid-gray-900">
                  <FreeText text={item.note} />
                </div>
                <p className="text-std-16N-170">{applicationLink(item.application_id, t('coordination.followUps.open'))}</p>
              </li>
            ))}
          </QueueSection>
          <QueueSection id="queue-urgent" heading={t('coordination.urgent.heading')} count={data.urgent_without_candidates.length} empty={t('coordination.urgent.empty')}>
            {data.urgent_without_candidates.map((item) => (
              <li key={item.posting_id} className={ITEM_CLASSES}>
                <p className="flex flex-wrap items-center gap-2 text-std-17B-170">
                  <Badge kind="urgent">{labels.urgency('immediate')}</Badge>
                  <Link to={`/postings/${encodeURIComponent(item.posting_id)}`} className={`${TEXT_LINK_CLASSES} break-words`}>
                    {item.title}
                  </Link>
                </p>
                <p className="flex flex-wrap gap-x-4 text-std-16N-170 text-solid-gray-800">
                  <span>{t('coordination.urgent.startDate', { date: formatDate(item.start_date, language) })}</span>
                  <span>{t('coordination.urgent.matchingSeekers', { count: item.matching_seekers })}</span>
                </p>
                <p>
                  <Link to={`/coordination/postings/${encodeURIComponent(item.posting_id)}/candidates`} className={buttonClassName('secondary', 'min-h-11 px-3')}>
                    {t('coordination.urgent.candidates')}
                    <span className="sr-only">{t('coordination.urgent.candidatesFor', { title: item.title })}</span>
                  </Link>
                </p>
              </li>
            ))}
          </QueueSection>
          <QueueSection id="queue-training" heading={t('coordination.openTraining.heading')} count={data.open_training.length} empty={t('coordination.openTraining.empty')}>
            {data.open_training.map((item) => (
              <li key={item.application_id} className={ITEM_CLASSES}>
                <p className="text-std-17B-170">{applicationLink(item.application_id, item.posting_title)}</p>
              </li>
            ))}
          </QueueSection>
        </>
      )}
    </div>
  );
}

const ITEM_CLASSES = 'flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4';

/**
 * 「医療機関からのコンタクト依頼（回答待ち）」: facilities' requests to
 * candidates the seeker has not answered yet, with the facility's message
 * (for the coordinator only). An accepted one becomes an application and
 * appears under 「新しいコンタクト依頼」.
 */
function FacilityRequestsSection() {
  const { t, language } = useApplicationsTranslation();
  const text = useMessageText();
  const queue = useFacilityRequestQueue();
  if (queue.isPending) {
    return <LoadingIndicator />;
  }
  if (queue.isError) {
    return (
      <Alert kind="error">
        <p>{text(messageForError(queue.error))}</p>
      </Alert>
    );
  }
  const items = queue.data.items;
  return (
    <QueueSection
      id="queue-facility-requests"
      heading={t('coordination.facilityRequests.heading')}
      lead={t('coordination.facilityRequests.lead')}
      count={items.length}
      empty={t('coordination.facilityRequests.empty')}
    >
      {items.map((item) => (
        <li key={item.id} className={ITEM_CLASSES}>
          <p className="text-std-17B-170">
            <Link to={`/postings/${encodeURIComponent(item.posting_id)}`} className={`${TEXT_LINK_CLASSES} break-words`}>
              {item.posting_title}
            </Link>
          </p>
          <p className="flex flex-wrap gap-x-4 text-std-16N-170 text-solid-gray-800">
            <span>{t('coordination.facilityRequests.facility', { name: item.facility_name })}</span>
            <span>{t('coordination.facilityRequests.handle', { handle: item.handle })}</span>
            <span>{t('coordination.facilityRequests.sentAt', { time: formatDateTime(item.sent_at, language) })}</span>
          </p>
          <div className="text-std-16N-170 text-solid-gray-900">
            <p className="font-700 text-solid-gray-700">{t('coordination.facilityRequests.message')}</p>
            {item.message !== null ? <FreeText text={item.message} /> : <p>{t('coordination.facilityRequests.noMessage')}</p>}
          </div>
        </li>
      ))}
    </QueueSection>
  );
}

function QueueSection({
  id,
  heading,
  lead,
  count,
  empty,
  children,
}: {
  id: string;
  heading: string;
  lead?: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  const { t } = useApplicationsTranslation();
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <SectionHeading id={id}>{heading}</SectionHeading>
        <span className="text-std-18B-160 text-solid-gray-800">{t('coordination.count', { count })}</span>
      </div>
      {lead !== undefined && <p className="text-std-16N-170 text-solid-gray-800">{lead}</p>}
      {count === 0 ? <p className="text-std-16N-170 text-solid-gray-800">{empty}</p> : <ul className="flex flex-col gap-3">{children}</ul>}
    </section>
  );
}
