import { Fragment, type ReactNode } from 'react';

export interface InfoItem {
  label: string;
  /** null: nothing to show, and the row is left out (never an empty box or a dash). */
  value: ReactNode | null;
}

/** Label–value rows; stacked on a phone, two columns from the tablet up. */
export function InfoList({ items }: { items: readonly InfoItem[] }) {
  const shown = items.filter((item) => item.value !== null);
  if (shown.length === 0) {
    return null;
  }
  return (
    <dl className="grid grid-cols-1 border-t border-solid-gray-200 text-std-16N-170 desktop:grid-cols-[12rem_1fr]">
      {shown.map((item) => (
        <Fragment key={item.label}>
          <dt className="pt-3 font-700 text-solid-gray-700 desktop:border-b desktop:border-solid-gray-200 desktop:py-3">{item.label}</dt>
          <dd className="min-w-0 break-words border-b border-solid-gray-200 pb-3 text-solid-gray-900 desktop:py-3">{item.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
