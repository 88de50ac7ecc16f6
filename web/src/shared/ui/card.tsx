import type { ReactNode } from 'react';

export function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`rounded-12 border border-solid-gray-200 bg-white p-6 desktop:p-8 ${className}`}>{children}</div>;
}
