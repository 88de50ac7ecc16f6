import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { messageForError } from '../../shared/forms/form_errors';
import { useDocumentTitle } from '../../shared/hooks/use_document_title';
import { useMessageText } from '../../shared/i18n/message';
import type { Role } from '../../shared/reference/roles';
import type { SessionUser } from '../../shared/session/session_api';
import { useCurrentUser } from '../../shared/session/use_session';
import { Alert } from '../../shared/ui/alert';
import { Button } from '../../shared/ui/button';
import { LoadingIndicator } from '../../shared/ui/loading_indicator';
import { NarrowPage } from '../../shared/ui/narrow_page';
import { TextLink } from '../../shared/ui/text_link';

interface RequireLoginProps {
  /** When set, only users with this role (or one of these roles) may see the page. */
  role?: Role | readonly Role[];
  children: (user: SessionUser) => ReactNode;
}

/**
 * Shows its page only to a logged-in user (of the given role). Anyone else is
 * sent to the login page, which brings them back here afterwards (?next=).
 */
export function RequireLogin({ role, children }: RequireLoginProps) {
  const currentUser = useCurrentUser();
  const location = useLocation();

  if (currentUser.isPending) {
    return <LoadingIndicator />;
  }
  if (currentUser.isError) {
    return <SessionCheckFailed error={currentUser.error} retry={() => void currentUser.refetch()} />;
  }
  if (currentUser.data === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (role !== undefined && !(typeof role === 'string' ? [role] : role).includes(currentUser.data.role as Role)) {
    return <ForbiddenPage />;
  }
  return <>{children(currentUser.data)}</>;
}

function SessionCheckFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  useDocumentTitle(t('error.title'));
  const text = useMessageText();
  return (
    <NarrowPage heading={t('error.title')}>
      <Alert kind="error">
        <p>{text(messageForError(error))}</p>
      </Alert>
      <div>
        <Button variant="secondary" onClick={retry}>
          {t('common.retry')}
        </Button>
      </div>
    </NarrowPage>
  );
}

function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <NarrowPage heading={t('forbidden.title')} lead={t('forbidden.text')}>
      <p className="text-std-16N-170">
        <TextLink to="/">{t('common.backToHome')}</TextLink>
      </p>
    </NarrowPage>
  );
}
