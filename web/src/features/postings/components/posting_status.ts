import type { TranslationKey } from '../../../shared/i18n/message';
import { POSTING_STATUSES, type PostingStatus } from '../../../shared/postings/posting';
import type { BadgeKind } from '../../../shared/ui/badge';

/** How a posting's state is shown: its name, and a badge style that repeats (never replaces) the name. */
export function postingStatusBadge(status: string): { labelKey: TranslationKey; kind: BadgeKind } {
  if (!(POSTING_STATUSES as readonly string[]).includes(status)) {
    return { labelKey: 'codes.status.unknown', kind: 'neutral' };
  }
  const kinds: Record<PostingStatus, BadgeKind> = { draft: 'neutral', published: 'success', paused: 'info', closed: 'muted' };
  return { labelKey: `codes.status.${status as PostingStatus}`, kind: kinds[status as PostingStatus] };
}
