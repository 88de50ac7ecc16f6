import { useState, type ReactNode } from 'react';
import { Alert } from '../../../shared/ui/alert';
import { CollapsibleSection } from '../../../shared/ui/collapsible_section';

interface PanelSectionProps {
  id: string;
  heading: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  summary?: ReactNode;
  children: (onDone: (message: string) => void) => ReactNode;
}

/**
 * A section of the application page with its own confirmation line: what an
 * action in it did is said right there (and announced), not at the top of a
 * long page. It folds, so on a phone the page starts with what needs doing.
 */
export function PanelSection({ id, heading, open, onOpenChange, summary, children }: PanelSectionProps) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <CollapsibleSection id={id} heading={heading} summary={summary} open={open} onOpenChange={onOpenChange}>
      {notice !== null && (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      )}
      {children(setNotice)}
    </CollapsibleSection>
  );
}
