import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { Alert } from '../../../shared/ui/alert';
import { Card } from '../../../shared/ui/card';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { useProfile } from '../api/profile_api';
import { ProfileForm } from '../components/profile_form';
import { emptyProfileForm, formValuesFromProfile } from '../profile_form_values';

/** 「希望条件」: the seeker's own profile. A seeker without one starts from an empty form with their name. */
export function ProfilePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  const text = useMessageText();
  const profile = useProfile();

  const heading = (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170">
        <TextLink to="/">{t('common.backToHome')}</TextLink>
      </p>
      <PageHeading>{t('profile.title')}</PageHeading>
      <p className="text-std-16N-170 text-solid-gray-800">{t('profile.lead')}</p>
    </div>
  );

  if (profile.isPending) {
    return (
      <div className="flex flex-col gap-8">
        {heading}
        <LoadingIndicator />
      </div>
    );
  }
  if (profile.isError) {
    return (
      <div className="flex flex-col gap-8">
        {heading}
        <Alert kind="error">
          <p>{text(messageForError(profile.error))}</p>
        </Alert>
      </div>
    );
  }

  // Facilities do not see profile.data.handle (the seeker's own reference): each facility sees a pseudonym of its
  // own, which the seeker finds on their application to that facility's posting.
  return (
    <div className="flex flex-col gap-8">
      {heading}
      <Card className="border-l-8 border-l-blue-900">
        <div className="flex flex-col gap-2 text-std-16N-170">
          <p className="text-std-16B-170 text-solid-gray-900">{t('profile.pseudonymNote')}</p>
          <p className="text-solid-gray-800">{t('profile.privacyNote')}</p>
          <p className="text-solid-gray-800">{t('profile.pseudonymWhereNote')}</p>
        </div>
      </Card>
      <ProfileForm
        initialValues={profile.data === null ? emptyProfileForm(user.display_name) : formValuesFromProfile(profile.data)}
      />
    </div>
  );
}
