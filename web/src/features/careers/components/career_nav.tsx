import { TextLink } from '../../../shared/ui/text_link';
import { useCareersTranslation } from '../i18n/careers_i18n';

/** The centre's pages, linked from each of them (the placement rounds too). */
export function CareerNav() {
  const { t } = useCareersTranslation();
  return (
    <nav aria-label={t('nav.home')}>
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170">
        <li>
          <TextLink to="/career">{t('nav.home')}</TextLink>
        </li>
        <li>
          <TextLink to="/career/doctors">{t('nav.doctors')}</TextLink>
        </li>
        <li>
          <TextLink to="/career/programmes">{t('nav.programmes')}</TextLink>
        </li>
        <li>
          <TextLink to="/career/statistics">{t('nav.statistics')}</TextLink>
        </li>
        <li>
          <TextLink to="/career/rounds">{t('nav.rounds')}</TextLink>
        </li>
      </ul>
    </nav>
  );
}
