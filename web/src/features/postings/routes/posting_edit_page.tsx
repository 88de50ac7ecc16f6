import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { usePosting, useUpdatePosting } from '../api/postings_api';
import { PostingForm } from '../components/posting_form';
import { VersionHistory } from '../components/version_history';
import { formValuesFromPosting } from '../posting_form_values';

/** 「募集の編集」: one record, live everywhere as soon as it is saved; the history below shows every version. */
export function PostingEditPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  useDocumentTitle(t('postingForm.editTitle'));
  const text = useMessageText();
  const { id = '' } = useParams();
  const posting = usePosting(id);
  const update = useUpdatePosting();
  const [savedMessage, setSavedMessage] = useState<string | null>(null);

  const backLink = (
    <p className="text-std-16N-170">
      <TextLink to="/facility/postings">{t('postingForm.backToList')}</TextLink>
    </p>
  );

  if (posting.isPending) {
    return <LoadingIndicator />;
  }
  // A published posting of another facility can be read, but not edited here (the server would refuse it too).
  const otherFacility = posting.data !== undefined && !user.organisations.some((organisation) => organisation.id === posting.data.facility.id);
  if (posting.isError || otherFacility) {
    const notFound = otherFacility || (posting.error instanceof ApiError && posting.error.status === 404);
    return (
      <NarrowPage heading={t('postingForm.editTitle')}>
        <Alert kind="error">
          <p>{notFound ? t('postingDetail.notFound') : text(messageForError(posting.error))}</p>
        </Alert>
        {backLink}
      </NarrowPage>
    );
  }

  const data = posting.data;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        {backLink}
        <PageHeading>{t('postingForm.editTitle')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('postingForm.editLead', { title: data.title })}</p>
      </div>
      {data.status === 'closed' ? (
        <Alert kind="info">
          <p>{t('postingForm.closedNotice')}</p>
        </Alert>
      ) : (
        // Keyed by id: the form takes the saved values once, and keeps what is typed afterwards.
        <PostingForm
          key={data.id}
          mode="edit"
          initialValues={formValuesFromPosting(data)}
          requireComplete={data.status !== 'draft'}
          savedMessage={savedMessage}
          onSubmit={async (input) => {
            setSavedMessage(null);
            const saved = await update.mutateAsync({ id: data.id, change: input });
            setSavedMessage(t('postingForm.saved', { version: saved.version }));
          }}
        />
      )}
      <section aria-labelledby="posting-versions" className="flex flex-col gap-4">
        <SectionHeading id="posting-versions">{t('postingVersions.heading')}</SectionHeading>
        <VersionHistory postingId={data.id} />
      </section>
    </div>
  );
}
