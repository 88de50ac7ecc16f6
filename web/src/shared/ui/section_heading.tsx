import type { ReactNode } from 'react';

export function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="text-std-24B-150 text-solid-gray-900">
      {children}
    </h2>
  );
}
