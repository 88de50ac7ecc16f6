import { Badge } from '../../../shared/ui/badge';
import { stageBadgeKind } from '../stages';
import { useApplicationLabels } from '../use_application_labels';

/** The stage as a badge: the text names it, the colour only helps. */
export function StageBadge({ stage, serverName }: { stage: string; serverName?: string }) {
  const labels = useApplicationLabels();
  return <Badge kind={stageBadgeKind(stage)}>{labels.stage(stage, serverName)}</Badge>;
}
