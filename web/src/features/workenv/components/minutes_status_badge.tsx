import { Badge } from '../../../shared/ui/badge';
import type { MinutesStatus } from '../api/meetings_api';

const KINDS = { none: 'muted', draft: 'neutral', confirming: 'info', locked: 'success' } as const;

/** The minutes' state (未作成 / 下書き / 確認依頼中 / 確定・送付済み) as the server labels it. */
export function MinutesStatusBadge({ status, label }: { status: MinutesStatus; label: string }) {
  return <Badge kind={KINDS[status]}>{label}</Badge>;
}
