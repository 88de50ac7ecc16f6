import { useState, type ReactNode } from 'react';
import { Alert } from '../../../shared/ui/alert';
import { SectionHeading } from '../../../shared/ui/section_heading';

/**
 * A section of the application page with its own confirmation line: what an
 * action in it did is said right there (and announced), not at the top of a
 * long page.
 */
export function PanelSection({ id, heading, children }: { id: string; heading: string; children: (onDone: (message: string) => void) => ReactNode }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-6">
      <SectionHeading id={id}>{heading}</SectionHeading>
      {notice !== null && (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      )}
      {children(setNotice)}
    </section>
  );
}
