import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useForm } from '../../../shared/forms/use_form';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Button, buttonClassName } from '../../../shared/ui/button';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { FormAlert } from '../../../shared/ui/form_alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { TextLink } from '../../../shared/ui/text_link';
import {
  APPLICATION_KINDS,
  findOwnApplication,
  isApplicationKind,
  useApplyPosting,
  useCreateApplication,
  type ApplicationKind,
  type ApplicationSummary,
} from '../api/applications_api';
import { APPLY_MESSAGE_MAX_LENGTH, applyRequest, applySchema } from '../apply_form_values';
import { useApplicationsTranslation } from '../i18n/applications_i18n';

/**
 * 問い合わせ / 応募 / コンタクト依頼 for one posting (`?kind=`): a message, and
 * for 応募 the consent to disclose the seeker's identity. A second one for the
 * same posting is refused by the server (409 already_applied); the page then
 * says so and links to the one already sent.
 */
export function ApplyPage() {
  const { t } = useApplicationsTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const kindParam = searchParams.get('kind');
  const kind = isApplicationKind(kindParam) ? kindParam : null;
  const posting = useApplyPosting(id);
  const title = kind === null ? t('apply.chooseTitle') : t(`apply.titles.${kind}`);
  useDocumentTitle(posting.data !== undefined ? `${title}：${posting.data.title}` : title);

  const backLink = (
    <p className="text-std-16N-170">
      <TextLink to={`/postings/${encodeURIComponent(id)}`}>{t('apply.backToPosting')}</TextLink>
    </p>
  );

  if (posting.isPending) {
    return <LoadingIndicator />;
  }
  if (posting.isError) {
    const notFound = posting.error instanceof ApiError && posting.error.status === 404;
    return (
      <NarrowPage heading={notFound ? t('apply.notFoundTitle') : title}>
        <Alert kind={notFound ? 'info' : 'error'}>
          <p>{notFound ? t('apply.notFound') : text(messageForError(posting.error))}</p>
        </Alert>
      </NarrowPage>
    );
  }

  return (
    <div className="mx-auto flex w-full max-w-[48rem] flex-col gap-8">
      <div className="flex flex-col gap-4">
        {backLink}
        <PageHeading>{title}</PageHeading>
        <p className="text-std-20B-150 text-solid-gray-900">{t('apply.posting', { title: posting.data.title })}</p>
        <p className="text-std-16N-170 text-solid-gray-800">{kind === null ? t('apply.chooseLead') : t(`apply.leads.${kind}`)}</p>
      </div>
      {posting.data.status !== 'published' ? (
        <Alert kind="info">
          <p>{t('apply.notPublished')}</p>
        </Alert>
      ) : kind === null ? (
        <ul className="flex flex-col gap-3">
          {APPLICATION_KINDS.map((choice) => (
            <li key={choice}>
              <Link to={`/postings/${encodeURIComponent(id)}/apply?kind=${choice}`} className={buttonClassName('secondary', 'w-full')}>
                {t(`apply.titles.${choice}`)}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <ApplyForm key={kind} postingId={id} postingTitle={posting.data.title} kind={kind} />
      )}
    </div>
  );
}

function ApplyForm({ postingId, postingTitle, kind }: { postingId: string; postingTitle: string; kind: ApplicationKind }) {
  const { t } = useApplicationsTranslation();
  const navigate = useNavigate();
  const create = useCreateApplication(postingId);
  const [already, setAlready] = useState<{ existing: ApplicationSummary | null } | null>(null);
  const form = useForm({
    schema: applySchema(kind),
    initialValues: { message: '', consent: false },
    onValid: async (values) => {
      setAlready(null);
      try {
        const application = await create.mutateAsync(applyRequest(kind, values));
        void navigate(`/applications/${encodeURIComponent(application.id)}`, { state: { created: true } });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && error.code === 'already_applied') {
          setAlready({ existing: await findOwnApplication(postingId).catch(() => null) });
          return;
        }
        throw error;
      }
    },
  });

  if (already !== null) {
    return (
      <Alert kind="info" title={t('apply.alreadyAppliedTitle')}>
        <p>{t('apply.alreadyApplied')}</p>
        <ul className="mt-3 flex flex-col gap-2">
          {already.existing !== null && (
            <li>
              <TextLink to={`/applications/${encodeURIComponent(already.existing.id)}`}>
                {t('apply.alreadyAppliedLink', { title: postingTitle })}
              </TextLink>
            </li>
          )}
          <li>
            <TextLink to="/applications">{t('apply.alreadyAppliedListLink')}</TextLink>
          </li>
        </ul>
      </Alert>
    );
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void form.handleSubmit(event)} className="flex flex-col gap-6">
      <FormAlert messages={form.errors.summary} alertRef={form.alertRef} />
      <TextAreaField
        label={t(`apply.messageLabels.${kind}`)}
        name="message"
        required={kind === 'inquiry'}
        rows={6}
        maxLength={APPLY_MESSAGE_MAX_LENGTH}
        hint={t('apply.messageHint')}
        value={form.values.message}
        onValueChange={(value) => form.setValue('message', value)}
        error={form.fieldError('message')}
      />
      {kind === 'application' && (
        <CheckboxField
          label={t('apply.consentLabel')}
          name="consent"
          required
          hint={t('apply.consentHint')}
          checked={form.values.consent}
          onCheckedChange={(checked) => form.setValue('consent', checked)}
          error={form.fieldError('consent')}
        />
      )}
      <div>
        <Button type="submit" busy={form.isSubmitting} className="w-full desktop:w-auto desktop:min-w-[14rem]">
          {form.isSubmitting ? t('apply.submitting') : t(`apply.submits.${kind}`)}
        </Button>
      </div>
    </form>
  );
}
