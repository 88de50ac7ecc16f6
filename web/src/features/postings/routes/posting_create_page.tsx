import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import type { Posting } from '../../../shared/postings/posting';
import type { SessionUser } from '../../../shared/session/session_api';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { fetchNoticePreview, useCreatePosting, useUpdatePosting, type NoticePreview } from '../api/postings_api';
import { PostingForm } from '../components/posting_form';
import { PublishConfirmDialog } from '../components/publish_confirm_dialog';
import { newPostingForm } from '../posting_form_values';

/**
 * 「新しい募集の登録」, prefilled with the facility's address and the user as the contact person.
 * 下書き保存 saves whatever is filled. 公開する saves the posting as a draft first, asks the server who would be
 * told, and publishes only when the facility confirms; either way it ends on the management list.
 */
export function PostingCreatePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const text = useMessageText();
  useDocumentTitle(t('postingForm.createTitle'));
  const navigate = useNavigate();
  const create = useCreatePosting();
  const update = useUpdatePosting();
  const [confirming, setConfirming] = useState<{ draft: Posting; preview: NoticePreview } | null>(null);
  const [initialValues] = useState(() => newPostingForm(user));

  const toList = (notice: string) => navigate('/facility/postings', { state: { notice } });

  function publish(draft: Posting): void {
    if (update.isPending) {
      return;
    }
    update.mutate(
      { id: draft.id, change: { status: 'published' } },
      { onSuccess: (posting) => void toList(t('postingForm.createdPublished', { title: posting.title })) },
    );
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to="/facility/postings">{t('postingForm.backToList')}</TextLink>
        </p>
        <PageHeading>{t('postingForm.createTitle')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('postingForm.createLead')}</p>
      </div>
      <PostingForm
        mode="create"
        initialValues={initialValues}
        onSubmit={async (input, status) => {
          const draft = await create.mutateAsync({ ...input, status: 'draft' });
          if (status !== 'published') {
            await toList(t('postingForm.createdDraft', { title: draft.title }));
            return;
          }
          // Saved as a draft; published once the facility has seen who will be told. Without the preview it stays a
          // draft (the list offers 公開する again), so the form is never sent twice.
          const preview = await fetchNoticePreview(draft.id).catch(() => null);
          if (preview === null) {
            await toList(t('postingForm.createdDraftNotPublished', { title: draft.title }));
            return;
          }
          setConfirming({ draft, preview });
        }}
      />
      <PublishConfirmDialog
        preview={confirming?.preview ?? null}
        title={confirming?.draft.title ?? ''}
        busy={update.isPending}
        error={update.isError ? text(messageForError(update.error)) : null}
        cancelLabel={t('publishConfirm.keepDraft')}
        onConfirm={() => confirming !== null && publish(confirming.draft)}
        onCancel={() => {
          const title = confirming?.draft.title ?? '';
          setConfirming(null);
          void toList(t('postingForm.createdDraftNotPublished', { title }));
        }}
      />
    </div>
  );
}
