import type { ReactNode } from 'react';
import { PageHeading } from './page_heading';

/** A single narrow column for short tasks (login, registration): easier to scan than a full-width form. */
export function NarrowPage({ heading, lead, children }: { heading: string; lead?: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-[40rem] flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{heading}</PageHeading>
        {lead !== undefined && <p className="text-std-16N-170 text-solid-gray-800">{lead}</p>}
      </div>
      {children}
    </div>
  );
}
