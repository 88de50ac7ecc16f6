import type { ReactNode } from 'react';

interface CollapsibleSectionProps {
  /** The section's id (the index links to it); the heading is `${id}-heading`, the content `${id}-content`. */
  id: string;
  heading: string;
  /** One line on what the section holds, shown whether it is open or not. */
  summary?: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  className?: string;
}

/**
 * A section whose heading is a button that shows or hides its content (the
 * disclosure pattern: aria-expanded on a button inside the heading, so the
 * heading stays in the outline screen readers navigate by). The content stays
 * in the page while hidden, so form values and ids survive.
 */
export function CollapsibleSection({ id, heading, summary, open, onOpenChange, children, className = '' }: CollapsibleSectionProps) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={`flex min-w-0 scroll-mt-4 flex-col gap-4 ${className}`}>
      <h2 id={`${id}-heading`} className="text-std-24B-150 text-solid-gray-900">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-content`}
          data-section-toggle={id}
          onClick={() => onOpenChange(!open)}
          className="flex min-h-11 w-full items-center justify-between gap-4 rounded-8 text-left hover:underline hover:underline-offset-[3px]"
        >
          <span>{heading}</span>
          <svg aria-hidden="true" viewBox="0 0 16 16" className={`h-5 w-5 shrink-0 transition-transform ${open ? 'rotate-180' : ''}`}>
            <path d="M2 5l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </button>
      </h2>
      {summary !== undefined && <div className="text-std-16N-170 text-solid-gray-800">{summary}</div>}
      {/* A class, not the hidden attribute: Tailwind's display utilities would override the attribute. */}
      <div id={`${id}-content`} className={open ? 'flex min-w-0 flex-col gap-6' : 'hidden'}>
        {children}
      </div>
    </section>
  );
}
