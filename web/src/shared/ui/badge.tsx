import type { ReactNode } from 'react';

/** urgent: 急募; the others mark a state (公開中, 下書き …) without relying on colour alone: the text says it. */
export type BadgeKind = 'urgent' | 'success' | 'info' | 'neutral' | 'muted';

const KIND_CLASSES: Record<BadgeKind, string> = {
  urgent: 'border-red-900 bg-red-900 text-white',
  success: 'border-green-900 bg-green-50 text-green-1000',
  info: 'border-blue-900 bg-blue-50 text-blue-1000',
  neutral: 'border-solid-gray-600 bg-white text-solid-gray-800',
  muted: 'border-solid-gray-420 bg-solid-gray-50 text-solid-gray-700',
};

export function Badge({ kind, children }: { kind: BadgeKind; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-130 ${KIND_CLASSES[kind]}`}>
      {children}
    </span>
  );
}
