import { useTranslation } from 'react-i18next';
import { prefectureName } from '../../../shared/reference/prefectures';
import type { SessionUser } from '../../../shared/session/session_api';
import { Card } from '../../../shared/ui/card';
import { roleLabelKey } from '../../../shared/reference/roles';

export function WelcomeCard({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  return (
    <Card className="border-l-8 border-l-blue-900">
      <h2 className="text-std-22B-150 text-solid-gray-900">{t('home.welcome', { name: user.display_name })}</h2>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-std-16N-170">
        <dt className="font-700 text-solid-gray-700">{t('home.roleLabel')}</dt>
        <dd className="text-solid-gray-900">{t(roleLabelKey(user.role))}</dd>
        {/* Seekers belong to no organisation; an empty row would only add noise. */}
        {user.organisations.length > 0 && (
          <>
            <dt className="font-700 text-solid-gray-700">{t('home.organisationLabel')}</dt>
            <dd className="text-solid-gray-900">
              <ul>
                {user.organisations.map((organisation) => (
                  <li key={organisation.id}>
                    {t('home.organisationInPrefecture', {
                      name: organisation.name,
                      prefecture: prefectureName(organisation.prefecture, i18n.language),
                    })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt className="font-700 text-solid-gray-700">{t('home.loginLabel')}</dt>
        <dd className="break-all text-solid-gray-900">{user.login}</dd>
      </dl>
    </Card>
  );
}
