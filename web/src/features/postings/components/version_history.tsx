import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText, type TranslationKey } from '../../../shared/i18n/message';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { usePostingVersions, type PostingVersion } from '../api/postings_api';

/** Field names of the history (`workplace.street` …) → their labels on the form. */
const FIELD_LABEL_KEYS: Record<string, TranslationKey> = {
  title: 'postingForm.titleLabel',
  category: 'postingForm.categoryLabel',
  specialty: 'postingForm.specialtyLabel',
  employment: 'postingForm.employmentLabel',
  start_date: 'postingForm.startDateLabel',
  end_date: 'postingForm.endDateLabel',
  period_months: 'postingForm.periodMonthsLabel',
  weekdays: 'postingForm.weekdaysLabel',
  hours: 'postingForm.hoursLabel',
  full_time: 'postingForm.workPatternLabel',
  night_duty: 'postingForm.nightDutyLabel',
  urgency: 'postingForm.urgencyLabel',
  positions: 'postingForm.positionsLabel',
  duties: 'postingForm.dutiesLabel',
  requirements: 'postingForm.requirementsLabel',
  pay: 'postingForm.payLabel',
  benefits: 'postingForm.benefitsLabel',
  training_agreed: 'postingForm.trainingLabel',
  masked: 'postingForm.maskedLabel',
  status: 'postingVersions.statusField',
  close_reason: 'postingVersions.closeReasonField',
  'workplace.postal_code': 'postingForm.postalCodeLabel',
  'workplace.prefecture': 'postingForm.prefectureLabel',
  'workplace.municipality': 'postingForm.municipalityLabel',
  'workplace.street': 'postingForm.streetLabel',
  'workplace.building': 'postingForm.buildingLabel',
  'workplace.area': 'postingForm.areaLabel',
  'contact.name': 'postingForm.contactNameLabel',
  'contact.location': 'postingForm.contactLocationLabel',
  'contact.phone': 'postingForm.phoneLabel',
  'contact.email': 'postingForm.emailLabel',
};

/** Fields whose values are calendar dates, shown as every date of the app is. */
const DATE_FIELDS: ReadonlySet<string> = new Set(['start_date', 'end_date']);

/** One changed value as text: lists joined, yes/no for booleans, dates as dates, 「（なし）」 for nothing. */
export function useChangeValueText(): (value: unknown, field?: string) => string {
  const { t, i18n } = useTranslation();
  return function show(value: unknown, field?: string): string {
    if (field !== undefined && DATE_FIELDS.has(field) && typeof value === 'string' && value !== '') {
      return formatDate(value, i18n.language);
    }
    if (value === null || value === undefined || value === '') {
      return t('postingVersions.noValue');
    }
    if (typeof value === 'boolean') {
      return value ? t('postingVersions.yes') : t('postingVersions.no');
    }
    if (Array.isArray(value)) {
      return value.length === 0 ? t('postingVersions.noValue') : value.map((item) => show(item)).join(t('common.listSeparator'));
    }
    if (typeof value === 'object') {
      return JSON.stringify(value);
    }
    return String(value);
  };
}

/** 変更履歴: each version with who saved it, when, and every changed field as old → new. */
export function VersionHistory({ postingId }: { postingId: string }) {
  const text = useMessageText();
  const versions = usePostingVersions(postingId);

  if (versions.isPending) {
    return <LoadingIndicator />;
  }
  if (versions.isError) {
    return (
      <Alert kind="error">
        <p>{text(messageForError(versions.error))}</p>
      </Alert>
    );
  }
  return (
    <ol className="flex flex-col gap-4">
      {versions.data.items.map((version) => (
        <li key={version.version}>
          <VersionEntry version={version} />
        </li>
      ))}
    </ol>
  );
}

function VersionEntry({ version }: { version: PostingVersion }) {
  const { t, i18n } = useTranslation();
  const valueText = useChangeValueText();
  const created = version.changes.created === true;
  const changes = Object.entries(version.changes).filter(([, change]) => Array.isArray(change) && change.length === 2) as [string, [unknown, unknown]][];
  return (
    <article className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4">
      <h3 className="text-std-17B-170 text-solid-gray-900">{t('postingVersions.versionLabel', { version: version.version })}</h3>
      <p className="text-std-16N-170 text-solid-gray-800">
        {t('postingVersions.changedByAt', { at: formatDateTime(version.changed_at, i18n.language), by: version.changed_by })}
      </p>
      {created && (
        <p className="text-std-16N-170">{version.changes.source === 'csv' ? t('postingVersions.createdFromCsv') : t('postingVersions.created')}</p>
      )}
      {changes.length > 0 && (
        <ul className="flex flex-col gap-1 text-std-16N-170">
          {changes.map(([field, [from, to]]) => (
            <li key={field} className="break-words">
              {t('postingVersions.change', {
                field: FIELD_LABEL_KEYS[field] !== undefined ? t(FIELD_LABEL_KEYS[field]) : field,
                from: valueText(from, field),
                to: valueText(to, field),
              })}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
