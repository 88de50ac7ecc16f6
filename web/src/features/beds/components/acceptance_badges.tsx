import { Badge, type BadgeKind } from '../../../shared/ui/badge';
import type { NamedCode } from '../api/beds_api';
import { useBedsTranslation } from '../i18n/beds_i18n';
import { useBedLabels } from '../use_bed_labels';

const STATUS_BADGE: Record<string, BadgeKind> = { ok: 'success', conditional: 'info', no: 'muted' };

/**
 * Acceptance per patient category as badges that say it in words
 * (「救急：可」), so nothing depends on colour. Categories the report left
 * out are not shown.
 */
export function AcceptanceBadges({ acceptance, categories }: { acceptance: Readonly<Record<string, string>>; categories: readonly NamedCode[] }) {
  const { t } = useBedsTranslation();
  const labels = useBedLabels();
  // The reference order first, then anything the reference does not list yet.
  const codes = [...categories.map((category) => category.code), ...Object.keys(acceptance).filter((code) => !categories.some((c) => c.code === code))];
  const shown = codes.filter((code) => acceptance[code] !== undefined);
  if (shown.length === 0) {
    return <span className="text-solid-gray-700">{t('acceptance.none')}</span>;
  }
  return (
    <ul className="flex flex-wrap gap-1.5">
      {shown.map((code) => {
        const status = acceptance[code] ?? '';
        const category = categories.find((c) => c.code === code);
        return (
          <li key={code}>
            <Badge kind={STATUS_BADGE[status] ?? 'neutral'}>
              {t('acceptance.badge', { category: labels.patientCategory(code, category?.name), status: labels.status(status) })}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
