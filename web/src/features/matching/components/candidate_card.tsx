import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { MatchSummary } from '../../../shared/matching/match_summary';
import { prefectureName } from '../../../shared/reference/prefectures';
import { useAreas } from '../../../shared/reference/reference_api';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { CAREER_SUPPORT } from '../../../shared/reference/work_codes';
import { formatDate } from '../../../shared/text/format_date';
import { Badge } from '../../../shared/ui/badge';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import type { CandidateMatch } from '../api/matching_api';
import { useMatchingTranslation } from '../i18n/matching_i18n';

/**
 * One anonymous candidate: the handle and what the seeker may show before a
 * match (SPEC.md "Masking and disclosure" rule 3). Only the keys listed here
 * are rendered, so a field the server might add is never shown by accident.
 *
 * With `onSelectedChange` (the posting's own facility), a checkbox chooses the
 * candidate for a contact request; a candidate who cannot be asked gets the
 * reason instead (turned requests off, or already asked: the state shows).
 */
export function CandidateCard({
  match,
  selected = false,
  onSelectedChange,
}: {
  match: CandidateMatch;
  selected?: boolean;
  onSelectedChange?: (selected: boolean) => void;
}) {
  const { t, language } = useMatchingTranslation();
  const { t: tShared } = useTranslation();
  const labels = useCodeLabels();
  const areas = useAreas(null);
  const candidate = match.candidate;
  const separator = tShared('common.listSeparator');
  const notSpecified = t('candidates.values.notSpecified');
  const list = (values: readonly string[] | undefined, name: (value: string) => string = (value) => value) =>
    values !== undefined && values.length > 0 ? values.map(name).join(separator) : notSpecified;
  const areaName = (code: string) => areas.data?.find((area) => area.code === code)?.name ?? code;
  const careerSupport = candidate.career_support;

  const rows: { label: string; value: string }[] = [
    { label: t('candidates.fields.categories'), value: list(candidate.categories, (code) => labels.category(code)) },
    { label: t('candidates.fields.specialties'), value: list(candidate.specialties) },
    {
      label: t('candidates.fields.experience'),
      value:
        candidate.experience_years === undefined || candidate.experience_years === null
          ? notSpecified
          : t('candidates.values.experienceYears', { count: candidate.experience_years }),
    },
    { label: t('candidates.fields.distance'), value: distanceText(match, t) },
    { label: t('candidates.fields.employment'), value: list(candidate.employment, labels.employment) },
    {
      label: t('candidates.fields.availableFrom'),
      value: candidate.available_from ? formatDate(candidate.available_from, language) : notSpecified,
    },
    {
      label: t('candidates.fields.periodMonthsMax'),
      value:
        candidate.period_months_max === undefined || candidate.period_months_max === null
          ? notSpecified
          : t('candidates.values.periodMonthsMax', { count: candidate.period_months_max }),
    },
    { label: t('candidates.fields.weekdays'), value: list(candidate.weekdays, labels.weekday) },
    { label: t('candidates.fields.prefectures'), value: list(candidate.prefectures, (code) => prefectureName(code, language)) },
    { label: t('candidates.fields.areas'), value: list(candidate.areas, areaName) },
    {
      label: t('candidates.fields.nightDuty'),
      value: candidate.night_duty === undefined ? notSpecified : candidate.night_duty ? t('candidates.values.nightDutyYes') : t('candidates.values.nightDutyNo'),
    },
    {
      label: t('candidates.fields.fullTime'),
      value: candidate.full_time === undefined ? notSpecified : candidate.full_time ? t('candidates.values.fullTime') : t('candidates.values.partTime'),
    },
    {
      label: t('candidates.fields.careerSupport'),
      value:
        careerSupport === undefined
          ? notSpecified
          : (CAREER_SUPPORT as readonly string[]).includes(careerSupport)
            ? tShared(`codes.careerSupport.${careerSupport as (typeof CAREER_SUPPORT)[number]}`)
            : careerSupport,
    },
  ];

  return (
    <article className="flex h-full flex-col gap-3 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-std-20B-150 text-solid-gray-900" data-candidate-handle>
          {candidate.handle}
        </h3>
        {match.request !== undefined && match.request !== null && (
          <span data-request-state={match.request.state}>
            <Badge kind={match.request.state === 'matched' ? 'success' : 'info'}>{t('candidates.requestState', { state: match.request.state_name })}</Badge>
          </span>
        )}
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-std-16N-170 desktop:grid-cols-[max-content_1fr]">
        {rows.map((row) => (
          <Fragment key={row.label}>
            <dt className="font-700 text-solid-gray-700">{row.label}</dt>
            <dd className="mb-2 text-solid-gray-900 desktop:mb-0">{row.value}</dd>
          </Fragment>
        ))}
      </dl>
      <MatchSummary score={match.score} reasons={match.reasons} details={match.reason_details} />
      {onSelectedChange !== undefined && (
        <div className="border-t border-solid-gray-200 pt-3">
          {match.can_request === true ? (
            <CheckboxField
              name="candidates"
              label={t('candidates.select', { handle: candidate.handle })}
              checked={selected}
              onCheckedChange={onSelectedChange}
            />
          ) : (
            (match.note !== undefined || match.request === null || match.request === undefined) && (
              <p className="text-std-16N-170 text-solid-gray-800" data-request-note>
                {match.note ?? t('candidates.cannotRequest')}
              </p>
            )
          )}
        </div>
      )}
    </article>
  );
}

/** Where the candidate wants to work, seen from the workplace: inside a preferred area, about N km by road, or unknown. */
function distanceText(match: CandidateMatch, t: ReturnType<typeof useMatchingTranslation>['t']): string {
  if (match.in_preferred_area === true) {
    return t('candidates.values.inPreferredArea');
  }
  if (match.distance_km === undefined || match.distance_km === null) {
    return t('candidates.values.distanceUnknown');
  }
  return t('candidates.values.distanceKm', { km: match.distance_km });
}
