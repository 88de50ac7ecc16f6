import { TextLink } from '../../../shared/ui/text_link';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

/** The career centre's pages, as on its other pages, so the rounds sit among them. */
export function CentreNav() {
  const { t } = usePlacementRoundsTranslation();
  const links = [
    { to: '/career', label: t('nav.home') },
    { to: '/career/doctors', label: t('nav.doctors') },
    { to: '/career/programmes', label: t('nav.programmes') },
    { to: '/career/statistics', label: t('nav.statistics') },
    { to: '/career/rounds', label: t('nav.rounds') },
  ];
  return (
    <nav aria-label={t('nav.home')}>
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170">
        {links.map((link) => (
          <li key={link.to}>
            <TextLink to={link.to}>{link.label}</TextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
