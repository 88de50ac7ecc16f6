import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TranslationKey } from '../../../shared/i18n/message';
import type { RoleFunction } from '../role_functions';

/** The role's functions as cards; available ones are links, the rest carry a 「準備中」 badge. */
export function FunctionList({ functions }: { functions: readonly RoleFunction[] }) {
  const { t } = useTranslation();
  return (
    <ul className="grid grid-cols-1 gap-4 desktop:grid-cols-2">
      {functions.map((roleFunction) => {
        const name = t(`home.functions.${roleFunction.id}.name` as TranslationKey);
        const description = t(`home.functions.${roleFunction.id}.description` as TranslationKey);
        return (
          <li key={roleFunction.id}>
            {roleFunction.path !== undefined ? (
              <Link
                to={roleFunction.path}
                className="group flex h-full flex-col gap-2 rounded-12 border border-solid-gray-420 bg-white p-6 hover:border-blue-900 hover:bg-blue-50"
              >
                <span className="flex items-center justify-between gap-4 text-std-18B-160 text-blue-1000 underline underline-offset-[3px] group-hover:decoration-[3px]">
                  {name}
                  <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 shrink-0">
                    <path d="M5 2l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" />
                  </svg>
                </span>
                <span className="text-std-16N-170 text-solid-gray-800">{description}</span>
              </Link>
            ) : (
              <div className="flex h-full flex-col gap-2 rounded-12 border border-dashed border-solid-gray-420 bg-solid-gray-50 p-6">
                <span className="flex flex-wrap items-center justify-between gap-2 text-std-18B-160 text-solid-gray-800">
                  {name}
                  <span className="rounded-4 border border-solid-gray-600 bg-white px-2 py-1 text-dns-14N-130 text-solid-gray-700">
                    {t('home.comingSoon')}
                  </span>
                </span>
                <span className="text-std-16N-170 text-solid-gray-700">{description}</span>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
