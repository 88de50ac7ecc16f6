import { useTranslation } from 'react-i18next';
import type { Posting } from '../../../shared/postings/posting';
import { addressLines, facilityName, isHiddenByMasking, present } from '../../../shared/postings/posting_display';
import { prefectureName } from '../../../shared/reference/prefectures';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { formatDate } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { DescriptionList, type DescriptionItem } from '../../../shared/ui/description_list';
import { TextLink } from '../../../shared/ui/text_link';
import { useApplicationsTranslation } from '../i18n/applications_i18n';

/**
 * The posting in the shape this viewer is entitled to. A masked posting seen
 * before the match shows the postings feature's one notice and no row where
 * a withheld value would be; once the match discloses it, the facility's
 * name, address and contact appear like any other value.
 */
export function PostingSummary({ posting }: { posting: Posting }) {
  const { t: tShared, i18n } = useTranslation();
  const { t } = useApplicationsTranslation();
  const labels = useCodeLabels();
  const hidden = isHiddenByMasking(posting);
  const name = facilityName(posting);
  const workplace = posting.workplace;
  const address = hidden ? [prefectureName(workplace.prefecture, i18n.language)] : addressLines(workplace);
  const contact = posting.contact;
  const category = labels.category(posting.category, posting.category_name);

  const items: DescriptionItem[] = [
    { label: tShared('postingDetail.facility'), value: name },
    { label: tShared('postingDetail.category'), value: present(posting.specialty) ? `${category}（${posting.specialty}）` : category },
    { label: tShared('postingDetail.employment'), value: labels.employment(posting.employment) },
    {
      label: tShared('postingDetail.urgency'),
      value:
        posting.urgency === 'immediate' ? (
          <span className="flex flex-wrap items-center gap-2">
            <Badge kind="urgent">{tShared('postingSearch.card.urgent')}</Badge>
            {labels.urgency(posting.urgency)}
          </span>
        ) : (
          labels.urgency(posting.urgency)
        ),
    },
    { label: tShared('postingDetail.startDate'), value: formatDate(posting.start_date, i18n.language) },
    {
      label: hidden ? tShared('postingDetail.prefecture') : tShared('postingDetail.address'),
      value:
        address.length === 0 ? null : (
          <span className="flex flex-col">
            {address.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </span>
        ),
    },
    { label: tShared('postingDetail.contactName'), value: contact !== undefined && present(contact.name) ? contact.name : null },
    { label: tShared('postingDetail.contactLocation'), value: contact !== undefined && present(contact.location) ? contact.location : null },
    {
      label: tShared('postingDetail.phone'),
      value:
        contact !== undefined && present(contact.phone) ? (
          <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} className="text-blue-1000 underline underline-offset-[3px]">
            {contact.phone}
          </a>
        ) : null,
    },
    {
      label: tShared('postingDetail.email'),
      value:
        contact !== undefined && present(contact.email) ? (
          <a href={`mailto:${contact.email}`} className="break-all text-blue-1000 underline underline-offset-[3px]">
            {contact.email}
          </a>
        ) : null,
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      {hidden && (
        <Alert kind="info">
          <p>{tShared('postingDetail.maskedNotice')}</p>
        </Alert>
      )}
      <DescriptionList items={items} />
      <p className="text-std-16N-170">
        <TextLink to={`/postings/${encodeURIComponent(posting.id)}`}>{t('detail.openPosting')}</TextLink>
      </p>
    </div>
  );
}
