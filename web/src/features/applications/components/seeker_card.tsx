import { useTranslation } from 'react-i18next';
import { prefectureName } from '../../../shared/reference/prefectures';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { formatDate } from '../../../shared/text/format_date';
import { DescriptionList, type DescriptionItem } from '../../../shared/ui/description_list';
import { FreeText } from '../../../shared/ui/free_text';
import type { ApplicationSeeker, SeekerConditions } from '../api/applications_api';
import { useApplicationsTranslation } from '../i18n/applications_i18n';
import { disclosedIdentity } from '../seeker_disclosure';

/**
 * The seeker as this viewer may see them: the handle and conditions, and the
 * name, contact, licences and notes only when the server sent them. When it
 * did not, one note says when they will be shown; there is no row, label or
 * placeholder for a value that was not disclosed.
 * On the seeker's own page (`ownNote` given, replacing that note) the handle
 * is said in a sentence instead of a row: it is the pseudonym this posting's
 * facility knows them by, different for every facility, so they can name it
 * to a coordinator or the facility.
 */
export function SeekerCard({ seeker, ownNote }: { seeker: ApplicationSeeker; ownNote?: string }) {
  const { t } = useApplicationsTranslation();
  const labels = useCodeLabels();
  const conditions = useConditionItems(seeker);
  const identity = disclosedIdentity(seeker);

  const identityItems: DescriptionItem[] =
    identity === null
      ? []
      : [
          { label: t('seeker.name'), value: identity.name },
          {
            label: t('seeker.email'),
            value:
              identity.email === null ? null : (
                <a href={`mailto:${identity.email}`} className="break-all text-blue-1000 underline underline-offset-[3px]">
                  {identity.email}
                </a>
              ),
          },
          {
            label: t('seeker.phone'),
            value:
              identity.phone === null ? null : (
                <a href={`tel:${identity.phone.replace(/[^\d+]/g, '')}`} className="text-blue-1000 underline underline-offset-[3px]">
                  {identity.phone}
                </a>
              ),
          },
          {
            label: t('seeker.licences'),
            value:
              identity.licences.length === 0 ? null : (
                <ul className="flex flex-col">
                  {identity.licences.map((licence) => (
                    <li key={`${licence.category}-${licence.number}`}>
                      {t('seeker.licenceValue', { category: labels.category(licence.category), number: licence.number })}
                    </li>
                  ))}
                </ul>
              ),
          },
          { label: t('seeker.notes'), value: identity.notes === null ? null : <FreeText text={identity.notes} /> },
        ];

  const own = ownNote !== undefined;
  const note = ownNote ?? (identity === null ? t('seeker.hiddenNote') : null);
  const handleItems: DescriptionItem[] = own ? [] : [{ label: t('seeker.handle'), value: <span data-seeker-handle>{seeker.handle}</span> }];
  return (
    <div className="flex flex-col gap-4">
      {own && (
        <p className="break-words text-std-18B-160 text-solid-gray-900" data-own-handle={seeker.handle}>
          {t('seeker.ownHandle', { handle: seeker.handle })}
        </p>
      )}
      {note !== null && <p className="rounded-8 border border-solid-gray-420 bg-solid-gray-50 px-4 py-3 text-std-16N-170 text-solid-gray-800">{note}</p>}
      <DescriptionList items={[...handleItems, ...identityItems, ...conditions]} />
    </div>
  );
}

/** The seeker's qualifications and wishes (what facilities may see before a match), as rows; unknown values are left out. */
export function useConditionItems(seeker: SeekerConditions): DescriptionItem[] {
  const { t, language } = useApplicationsTranslation();
  const { t: tShared } = useTranslation();
  const labels = useCodeLabels();
  const separator = tShared('common.listSeparator');
  const list = (values: readonly string[] | undefined, name: (value: string) => string = (value) => value) =>
    values !== undefined && values.length > 0 ? values.map(name).join(separator) : null;
  return [
    { label: t('seeker.categories'), value: list(seeker.categories, (code) => labels.category(code)) },
    { label: t('seeker.specialties'), value: list(seeker.specialties) },
    {
      label: t('seeker.experience'),
      value: typeof seeker.experience_years === 'number' ? t('seeker.experienceValue', { count: seeker.experience_years }) : null,
    },
    { label: t('seeker.employment'), value: list(seeker.employment, labels.employment) },
    { label: t('seeker.availableFrom'), value: seeker.available_from ? formatDate(seeker.available_from, language) : null },
    {
      label: t('seeker.periodMonthsMax'),
      value: typeof seeker.period_months_max === 'number' ? t('seeker.periodMonthsValue', { count: seeker.period_months_max }) : null,
    },
    { label: t('seeker.weekdays'), value: list(seeker.weekdays, labels.weekday) },
    { label: t('seeker.prefectures'), value: list(seeker.prefectures, (code) => prefectureName(code, language)) },
    {
      label: t('seeker.nightDuty'),
      value: seeker.night_duty === undefined ? null : seeker.night_duty ? t('seeker.nightDutyYes') : t('seeker.nightDutyNo'),
    },
    {
      label: t('seeker.workPattern'),
      value: seeker.full_time === undefined ? null : seeker.full_time ? t('seeker.fullTime') : t('seeker.partTime'),
    },
  ];
}
