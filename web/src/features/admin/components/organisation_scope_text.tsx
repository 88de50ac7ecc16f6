import { useTranslation } from 'react-i18next';
import { useAreas, useMunicipalities } from '../../../shared/reference/reference_api';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import type { Organisation } from '../api/organisations_api';
import { useAdminTranslation } from '../i18n/admin_i18n';

/**
 * An organisation's scope in words, for the list: a facility's place, the job
 * categories a coordinating organisation covers, the 二次医療圏 an aggregator
 * serves. Codes stand in for names while the reference lists load.
 */
export function OrganisationScopeText({ organisation }: { organisation: Organisation }) {
  const { t } = useAdminTranslation();
  switch (organisation.kind) {
    case 'facility':
      return <FacilityPlace organisation={organisation} />;
    case 'coordinator_org':
      return <CoveredCategories codes={organisation.categories} />;
    case 'aggregator':
      return <ServedAreas prefecture={organisation.prefecture} codes={organisation.areas} />;
    default:
      return <>{t('organisations.noScope')}</>;
  }
}

function FacilityPlace({ organisation }: { organisation: Organisation }) {
  const { t, language } = useAdminTranslation();
  // Asked only for a facility with a municipality: most facilities share a few prefectures, and the list is cached.
  const municipalities = useMunicipalities(organisation.municipality === null ? '' : organisation.prefecture);
  const municipality =
    organisation.municipality === null
      ? null
      : (municipalities.data?.find((entry) => entry.code === organisation.municipality)?.name ?? organisation.municipality);
  const parts = [municipality, organisation.address].filter((part): part is string => part !== null && part !== '');
  if (parts.length === 0) {
    return <>{t('organisations.noAddress')}</>;
  }
  // A Japanese address runs on without spaces (千代田区大手町1-2-3).
  return <>{parts.join(language === 'en' ? ' ' : '')}</>;
}

function CoveredCategories({ codes }: { codes: readonly string[] }) {
  const { t } = useAdminTranslation();
  const { t: tShared } = useTranslation();
  const labels = useCodeLabels();
  if (codes.length === 0) {
    return <>{t('organisations.allCategories')}</>;
  }
  return <>{codes.map((code) => labels.category(code)).join(tShared('common.listSeparator'))}</>;
}

function ServedAreas({ prefecture, codes }: { prefecture: string; codes: readonly string[] }) {
  const { t } = useAdminTranslation();
  const { t: tShared } = useTranslation();
  const areas = useAreas(codes.length === 0 ? '' : prefecture);
  if (codes.length === 0) {
    return <>{t('organisations.wholePrefecture')}</>;
  }
  const name = (code: string) => areas.data?.find((area) => area.code === code)?.name ?? code;
  return <>{codes.map(name).join(tShared('common.listSeparator'))}</>;
}
