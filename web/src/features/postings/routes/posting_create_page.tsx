import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useCreatePosting } from '../api/postings_api';
import { PostingForm } from '../components/posting_form';
import { EMPTY_POSTING_FORM } from '../posting_form_values';

/** 「新しい募集の登録」: saved as a draft or published at once; then back to the management list. */
export function PostingCreatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('postingForm.createTitle'));
  const navigate = useNavigate();
  const create = useCreatePosting();

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
        initialValues={EMPTY_POSTING_FORM}
        onSubmit={async (input, status) => {
          const posting = await create.mutateAsync({ ...input, status: status ?? 'draft' });
          const notice =
            posting.status === 'published'
              ? t('postingForm.createdPublished', { title: posting.title })
              : t('postingForm.createdDraft', { title: posting.title });
          await navigate('/facility/postings', { state: { notice } });
        }}
      />
    </div>
  );
}
