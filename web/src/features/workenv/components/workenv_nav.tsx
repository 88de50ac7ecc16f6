import { NavLink } from 'react-router';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

const LINKS = [
  { to: '/workenv', key: 'nav.today', end: true },
  { to: '/workenv/hospitals', key: 'nav.grid', end: false },
  { to: '/workenv/at-risk', key: 'nav.atRisk', end: true },
  { to: '/workenv/priorities', key: 'nav.priorities', end: true },
  { to: '/workenv/cases', key: 'nav.cases', end: false },
  { to: '/workenv/visits', key: 'nav.visits', end: true },
  { to: '/workenv/meetings', key: 'nav.meetings', end: false },
  { to: '/workenv/report', key: 'nav.report', end: true },
] as const;

/** The centre's pages, one link each; wraps onto several lines on a phone. */
export function WorkenvNav() {
  const { t } = useWorkenvTranslation();
  return (
    <nav aria-label={t('nav.label')}>
      <ul className="flex flex-wrap gap-x-4 gap-y-2">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              className={({ isActive }) =>
                `inline-block py-1 text-std-16N-170 underline underline-offset-[3px] ${isActive ? 'font-bold text-solid-gray-900' : 'text-blue-1000'}`
              }
            >
              {t(link.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
