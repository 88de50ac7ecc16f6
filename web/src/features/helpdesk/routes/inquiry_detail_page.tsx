import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText, type Message } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useCloseInquiry, useInquiry } from '../api/helpdesk_api';
import { InquiryStatusBadge } from '../components/inquiry_status_badge';
import { MessageThread } from '../components/message_thread';
import { ReplyForm } from '../components/reply_form';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';
import { useInquiryCategoryLabel } from '../use_inquiry_category_label';

/**
 * One inquiry: its status, the thread of question, answers and follow-ups
 * with their files, the reply form (an answer from the secretariat, a
 * follow-up from the asker) and 「完了にする」.
 */
export function InquiryDetailPage({ user }: { user: SessionUser }) {
  const { t, language } = useHelpdeskTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const location = useLocation();
  const inquiry = useInquiry(id);
  const closeInquiry = useCloseInquiry(id);
  const categoryLabel = useInquiryCategoryLabel();
  const [closeError, setCloseError] = useState<Message | null>(null);
  useDocumentTitle(inquiry.data !== undefined ? t('inquiryDetail.documentTitle', { subject: inquiry.data.subject }) : t('inquiryDetail.title'));
  const justCreated = (location.state as { created?: unknown } | null)?.created === true;
  const secretariat = user.role === 'secretariat';

  const backLink = (
    <p className="text-std-16N-170">
      <TextLink to="/helpdesk">{secretariat ? t('inquiryDetail.backToInbox') : t('inquiryDetail.backToList')}</TextLink>
    </p>
  );

  if (inquiry.isPending) {
    return <LoadingIndicator />;
  }
  if (inquiry.isError) {
    const notFound = inquiry.error instanceof ApiError && inquiry.error.status === 404;
    return (
      <NarrowPage heading={notFound ? t('inquiryDetail.notFoundTitle') : t('inquiryDetail.errorTitle')}>
        <Alert kind={notFound ? 'info' : 'error'}>
          <p>{notFound ? t('inquiryDetail.notFound') : text(messageForError(inquiry.error))}</p>
        </Alert>
        {backLink}
      </NarrowPage>
    );
  }

  const data = inquiry.data;
  const closed = data.status === 'closed';

  async function close(): Promise<void> {
    setCloseError(null);
    try {
      await closeInquiry.mutateAsync();
    } catch (error) {
      setCloseError(messageForError(error));
    }
  }

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        {backLink}
        <p className="text-std-16B-170 text-solid-gray-700">{t('inquiryDetail.title')}</p>
        <PageHeading>{data.subject}</PageHeading>
        {justCreated && (
          <Alert kind="success">
            <p>{t('inquiryDetail.created')}</p>
          </Alert>
        )}
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-std-16N-170">
          <dt className="font-700 text-solid-gray-700">{t('inquiryDetail.status')}</dt>
          <dd>
            {/* Announced when a reply or 完了 changes it. */}
            <span aria-live="polite">
              <InquiryStatusBadge status={data.status} serverName={data.status_name} />
            </span>
          </dd>
          <dt className="font-700 text-solid-gray-700">{t('inquiryDetail.category')}</dt>
          <dd>{categoryLabel(data.category, data.category_name)}</dd>
          <dt className="font-700 text-solid-gray-700">{t('inquiryDetail.asker')}</dt>
          <dd>{data.asker_name}</dd>
          <dt className="font-700 text-solid-gray-700">{t('inquiryDetail.createdAt')}</dt>
          <dd>{formatDateTime(data.created_at, language)}</dd>
          <dt className="font-700 text-solid-gray-700">{t('inquiryDetail.updatedAt')}</dt>
          <dd>{formatDateTime(data.updated_at, language)}</dd>
        </dl>
      </div>

      <section aria-labelledby="inquiry-thread" className="flex flex-col gap-6">
        <SectionHeading id="inquiry-thread">{t('inquiryDetail.threadHeading')}</SectionHeading>
        <MessageThread messages={data.messages} />
      </section>

      {closed ? (
        <Alert kind="info">
          <p>{t('inquiryDetail.closedNotice')}</p>
          <p className="mt-2">
            <TextLink to="/helpdesk/new">{t('inquiries.newLink')}</TextLink>
          </p>
        </Alert>
      ) : (
        <>
          <section aria-labelledby="inquiry-reply" className="flex flex-col gap-6 rounded-12 border border-solid-gray-200 bg-white p-5 desktop:p-8">
            <SectionHeading id="inquiry-reply">{secretariat ? t('reply.answerHeading') : t('reply.followUpHeading')}</SectionHeading>
            <ReplyForm inquiryId={data.id} asSecretariat={secretariat} />
          </section>
          <section aria-labelledby="inquiry-close" className="flex flex-col gap-4">
            <SectionHeading id="inquiry-close">{t('inquiryDetail.closeHeading')}</SectionHeading>
            <p className="text-std-16N-170 text-solid-gray-800">{t('inquiryDetail.closeText')}</p>
            {closeError !== null && (
              <Alert kind="error">
                <p>{text(closeError)}</p>
              </Alert>
            )}
            <div>
              <Button variant="secondary" busy={closeInquiry.isPending} onClick={() => void close()} className="w-full desktop:w-auto">
                {t('inquiryDetail.close')}
              </Button>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
