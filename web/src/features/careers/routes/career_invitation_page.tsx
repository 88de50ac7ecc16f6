import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { logIn } from '../../../shared/session/session_api';
import { CURRENT_USER_QUERY_KEY, useCurrentUser } from '../../../shared/session/use_session';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { DescriptionList } from '../../../shared/ui/description_list';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { TextLink } from '../../../shared/ui/text_link';
import { useAcceptInvitation, useCareerInvitation } from '../api/careers_api';
import { ErrorList } from '../components/error_list';
import { useCareersTranslation } from '../i18n/careers_i18n';

/**
 * The link of the centre's invitation mail: a doctor in the registry makes a seeker account for the registry's
 * address (or, logged in as a seeker, links the account they have), then reads their plan on 私のキャリアプラン.
 */
export function CareerInvitationPage() {
  const { t, language } = useCareersTranslation();
  useDocumentTitle(t('invitation.title'));
  const text = useMessageText();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useCareerInvitation(token);
  const session = useCurrentUser();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);

  if (token === '')
    return (
      <NarrowPage heading={t('invitation.title')}>
        <Alert kind="error">
          <p>{t('invitation.noToken')}</p>
        </Alert>
      </NarrowPage>
    );
  if (invitation.isPending || session.isPending) return <LoadingIndicator />;
  if (invitation.isError)
    return (
      <NarrowPage heading={t('invitation.title')}>
        <Alert kind="error">
          <p>{text(messageForError(invitation.error))}</p>
        </Alert>
      </NarrowPage>
    );
  const inv = invitation.data;
  const user = session.data ?? null;

  async function finish(login: string | null) {
    if (login !== null) {
      const me = await logIn({ login, password });
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== CURRENT_USER_QUERY_KEY[0] });
      client.setQueryData(CURRENT_USER_QUERY_KEY, me);
    }
    await client.invalidateQueries({ queryKey: ['my-career'] });
    void navigate('/me/career');
  }
  function create(event: FormEvent) {
    event.preventDefault();
    setMismatch(password !== again);
    if (password !== again) return;
    accept.mutate({ token, password }, { onSuccess: (r) => void finish(r.login) });
  }
  function link() {
    accept.mutate({ token }, { onSuccess: () => void finish(null) });
  }

  return (
    <NarrowPage heading={t('invitation.title')} lead={t('invitation.lead', { prefecture: inv.prefecture_name })}>
      <DescriptionList
        items={[
          { label: t('invitation.doctor'), value: inv.doctor_name },
          { label: t('invitation.email'), value: inv.email },
          { label: t('invitation.invitedBy'), value: inv.invited_by },
          { label: t('invitation.expires'), value: formatDateTime(inv.expires_at, language) },
        ]}
      />
      {accept.isError && <ErrorList error={accept.error} />}
      {user !== null && user.role === 'seeker' && (
        <section aria-labelledby="invitation-link" className="flex flex-col gap-4">
          <SectionHeading id="invitation-link">{t('invitation.linkHeading')}</SectionHeading>
          <p className="text-std-16N-170">{t('invitation.linkLead', { name: user.display_name, login: user.email })}</p>
          <div>
            <Button busy={accept.isPending} onClick={link}>
              {t('invitation.link')}
            </Button>
          </div>
        </section>
      )}
      {user !== null && user.role !== 'seeker' && (
        <Alert kind="info">
          <p>{t('invitation.wrongRole')}</p>
        </Alert>
      )}
      {user === null && (
        <>
          <section aria-labelledby="invitation-create" className="flex flex-col gap-4">
            <SectionHeading id="invitation-create">{t('invitation.createHeading')}</SectionHeading>
            <p className="text-std-16N-170">{t('invitation.createLead', { email: inv.email })}</p>
            <form onSubmit={create} noValidate className="flex flex-col gap-4">
              <TextField label={t('invitation.password')} name="password" type="password" autoComplete="new-password" value={password}
                onValueChange={setPassword} hint={t('invitation.passwordHint')} required />
              <TextField label={t('invitation.passwordAgain')} name="password_again" type="password" autoComplete="new-password" value={again}
                onValueChange={setAgain} error={mismatch ? t('invitation.mismatch') : undefined} required />
              <div>
                <SubmitButton busy={accept.isPending} label={t('invitation.create')} busyLabel={t('invitation.creating')} />
              </div>
            </form>
          </section>
          <p className="text-std-16N-170">
            {t('invitation.haveAccount')}{' '}
            <TextLink to={`/login?next=${encodeURIComponent(`/career/invitation?token=${token}`)}`}>{t('invitation.logInFirst')}</TextLink>
          </p>
        </>
      )}
    </NarrowPage>
  );
}
