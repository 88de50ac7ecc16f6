import type { ReactNode } from 'react';

/**
 * The page's one h1. It can take focus so the layout can move focus here
 * after client-side navigation, which is what a full page load would do for
 * screen-reader users.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 tabIndex={-1} data-page-heading className="text-std-28B-150 text-solid-gray-900 desktop:text-std-32B-150 focus:outline-none">
      {children}
    </h1>
  );
}
