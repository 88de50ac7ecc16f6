import type { ReactNode } from 'react';

export interface SectionIndexEntry {
  id: string;
  heading: string;
  /** What the section holds, in one line (what is filled, what is waiting). */
  summary?: ReactNode;
  /** A mark that the section needs the user (a required answer missing, an answer awaited). */
  attention?: string;
}

/**
 * 「このページの内容」: every section of a long page with its one-line summary.
 * Following a link opens the section and moves focus to its heading button,
 * so a person on a phone always knows where they are and what is left.
 */
export function SectionIndex({ label, entries, onGo }: { label: string; entries: readonly SectionIndexEntry[]; onGo: (id: string) => void }) {
  return (
    <nav aria-label={label} className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 desktop:p-6">
      <h2 className="mb-3 text-std-18B-160 text-solid-gray-900">{label}</h2>
      <ol className="flex flex-col gap-3">
        {entries.map((entry) => (
          <li key={entry.id} className="flex flex-col gap-1">
            <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <a
                href={`#${entry.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  onGo(entry.id);
                }}
                className="inline-flex min-h-11 items-center text-std-16B-170 text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]"
              >
                {entry.heading}
              </a>
              {entry.attention !== undefined && (
                <span className="rounded-4 border border-warning-orange-2 bg-white px-2 py-0.5 text-dns-14B-130 text-warning-orange-2">{entry.attention}</span>
              )}
            </span>
            {entry.summary !== undefined && <span className="text-std-16N-170 text-solid-gray-800">{entry.summary}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Opens a section and brings its heading button into view with the focus on it (after the render that opens it). */
export function goToSection(id: string, open: (id: string) => void): void {
  open(id);
  requestAnimationFrame(() => {
    const toggle = document.querySelector<HTMLElement>(`[data-section-toggle="${id}"]`);
    toggle?.scrollIntoView({ block: 'start' });
    toggle?.focus();
  });
}
