import { useTranslation } from 'react-i18next';
import type { Posting } from '../../../shared/postings/posting';
import { addressLines, facilityName, isHiddenByMasking, present } from '../../../shared/postings/posting_display';
import { prefectureName } from '../../../shared/reference/prefectures';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { DescriptionList, type DescriptionItem } from '../../../shared/ui/description_list';
import { FreeText } from '../../../shared/ui/free_text';

/**
 * Every field of a posting the viewer may see. For a viewer who gets the
 * masked shape, one notice explains what is withheld and why; the withheld
 * values get no rows, labels or placeholders at all.
 */
export function PostingDetail({ posting }: { posting: Posting }) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const hidden = isHiddenByMasking(posting);
  const name = facilityName(posting);
  const optionalText = (value: string | null | undefined) => (present(value) ? <FreeText text={value} /> : null);
  const workplace = posting.workplace;
  // A full address is written the Japanese way; a prefecture alone is named in the UI language.
  const address = hidden ? [prefectureName(workplace.prefecture, i18n.language)] : addressLines(workplace);

  const overview: DescriptionItem[] = [
    { label: t('postingDetail.facility'), value: name },
    { label: t('postingDetail.category'), value: labels.category(posting.category, posting.category_name) },
    { label: t('postingDetail.specialty'), value: present(posting.specialty) ? posting.specialty : null },
    { label: t('postingDetail.employment'), value: labels.employment(posting.employment) },
    {
      label: t('postingDetail.urgency'),
      value:
        posting.urgency === 'immediate' ? (
          <span className="flex flex-wrap items-center gap-2">
            <Badge kind="urgent">{t('postingSearch.card.urgent')}</Badge>
            {labels.urgency(posting.urgency)}
          </span>
        ) : (
          labels.urgency(posting.urgency)
        ),
    },
    { label: t('postingDetail.positions'), value: t('postingDetail.positionsValue', { count: posting.positions }) },
    {
      label: t('postingDetail.publishedAt'),
      value: posting.published_at === null ? null : formatDateTime(posting.published_at, i18n.language),
    },
    { label: t('postingDetail.updatedAt'), value: formatDateTime(posting.updated_at, i18n.language) },
  ];

  const conditions: DescriptionItem[] = [
    { label: t('postingDetail.startDate'), value: formatDate(posting.start_date, i18n.language) },
    { label: t('postingDetail.endDate'), value: posting.end_date === null ? null : formatDate(posting.end_date, i18n.language) },
    {
      label: t('postingDetail.periodMonths'),
      value: posting.period_months === null ? null : t('postingDetail.periodMonthsValue', { count: posting.period_months }),
    },
    { label: t('postingDetail.weekdays'), value: posting.weekdays.length === 0 ? null : labels.weekdays(posting.weekdays) },
    { label: t('postingDetail.hours'), value: optionalText(posting.hours) },
    { label: t('postingDetail.workPattern'), value: posting.full_time ? t('postingDetail.fullTime') : t('postingDetail.partTime') },
    { label: t('postingDetail.nightDuty'), value: posting.night_duty ? t('postingDetail.nightDutyYes') : t('postingDetail.nightDutyNo') },
  ];

  const details: DescriptionItem[] = [
    { label: t('postingDetail.duties'), value: <FreeText text={posting.duties} /> },
    { label: t('postingDetail.requirements'), value: optionalText(posting.requirements) },
    { label: t('postingDetail.pay'), value: optionalText(posting.pay) },
    { label: t('postingDetail.benefits'), value: optionalText(posting.benefits) },
    { label: t('postingDetail.training'), value: posting.training_agreed ? t('postingDetail.trainingAgreed') : null },
  ];

  const place: DescriptionItem[] = [
    {
      // With the address withheld only the prefecture is left, and the label says just that.
      label: hidden ? t('postingDetail.prefecture') : t('postingDetail.address'),
      value:
        address.length === 0 ? null : (
          <span className="flex flex-col">
            {address.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </span>
        ),
    },
    { label: t('postingDetail.area'), value: present(workplace.area_name) ? workplace.area_name : null },
  ];

  const contact = posting.contact;
  const contactItems: DescriptionItem[] =
    contact === undefined
      ? []
      : [
          { label: t('postingDetail.contactName'), value: present(contact.name) ? contact.name : null },
          { label: t('postingDetail.contactLocation'), value: present(contact.location) ? contact.location : null },
          {
            label: t('postingDetail.phone'),
            value: present(contact.phone) ? (
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} className="text-blue-1000 underline underline-offset-[3px]">
                {contact.phone}
              </a>
            ) : null,
          },
          {
            label: t('postingDetail.email'),
            value: present(contact.email) ? (
              <a href={`mailto:${contact.email}`} className="break-all text-blue-1000 underline underline-offset-[3px]">
                {contact.email}
              </a>
            ) : null,
          },
        ];

  return (
    <div className="flex flex-col gap-10">
      {hidden && (
        <Alert kind="info">
          <p>{t('postingDetail.maskedNotice')}</p>
        </Alert>
      )}
      {posting.masked && !hidden && (
        <Alert kind="info">
          <p>{t('postingDetail.maskedOwnerNotice')}</p>
        </Alert>
      )}
      <DetailSection id="posting-overview" heading={t('postingDetail.overviewHeading')} items={overview} />
      <DetailSection id="posting-conditions" heading={t('postingDetail.conditionsHeading')} items={conditions} />
      <DetailSection id="posting-details" heading={t('postingDetail.detailsHeading')} items={details} />
      <DetailSection id="posting-workplace" heading={t('postingDetail.workplaceHeading')} items={place} />
      {contactItems.some((item) => item.value !== null) && (
        <DetailSection id="posting-contact" heading={t('postingDetail.contactHeading')} items={contactItems} />
      )}
    </div>
  );
}

function DetailSection({ id, heading, items }: { id: string; heading: string; items: readonly DescriptionItem[] }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <h2 id={id} className="text-std-22B-150 text-solid-gray-900">
        {heading}
      </h2>
      <DescriptionList items={items} wrapLongValues={false} />
    </section>
  );
}
