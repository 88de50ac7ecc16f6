import { Badge } from '../../../shared/ui/badge';
import type { Light } from '../api/workenv_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

const KIND = { green: 'success', yellow: 'info', red: 'urgent', grey: 'muted' } as const;

/** A traffic light as words and colour (never colour alone): 良好 / 注意 / 要対応 / —. */
export function LightBadge({ light }: { light: Light }) {
  const { t } = useWorkenvTranslation();
  return <Badge kind={KIND[light]}>{t(`light.${light}`)}</Badge>;
}
