import { Fragment, type ReactNode } from 'react';

export interface DescriptionItem {
  label: string;
  /** null: nothing to show, and the row is left out (never an empty box or a dash). */
  value: ReactNode | null;
}

interface DescriptionListProps {
  items: readonly DescriptionItem[];
  /**
   * Lets a long unbroken value (an e-mail address, a handle) wrap inside its
   * column instead of widening the list. On unless turned off; the posting
   * page lays out its values without it.
   */
  wrapLongValues?: boolean;
}

/** Label–value rows (<dl>); stacked on a phone, two columns from the tablet up. Nothing when no row has a value. */
export function DescriptionList({ items, wrapLongValues = true }: DescriptionListProps) {
  const shown = items.filter((item) => item.value !== null);
  if (shown.length === 0) {
    return null;
  }
  const valueClasses = `${wrapLongValues ? 'min-w-0 break-words ' : ''}border-b border-solid-gray-200 pb-3 text-solid-gray-900 desktop:py-3`;
  return (
    <dl className="grid grid-cols-1 border-t border-solid-gray-200 text-std-16N-170 desktop:grid-cols-[12rem_1fr]">
      {shown.map((item) => (
        <Fragment key={item.label}>
          <dt className="pt-3 font-700 text-solid-gray-700 desktop:border-b desktop:border-solid-gray-200 desktop:py-3">{item.label}</dt>
          <dd className={valueClasses}>{item.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
