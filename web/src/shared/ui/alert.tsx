import { forwardRef, type ReactNode } from 'react';

/** error: something failed; success: an action completed; info: neutral notice. */
export type AlertKind = 'error' | 'success' | 'info';

const KIND_CLASSES: Record<AlertKind, string> = {
  error: 'border-error-1 bg-red-50',
  success: 'border-success-2 bg-green-50',
  info: 'border-blue-900 bg-blue-50',
};

interface AlertProps {
  kind: AlertKind;
  title?: string;
  children?: ReactNode;
}

/**
 * A message box. Errors use role="alert" so they are announced at once;
 * success and information use role="status", which waits for a pause.
 * It can receive focus (tabIndex -1) so forms can move focus to it.
 */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert({ kind, title, children }, ref) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={kind === 'error' ? 'alert' : 'status'}
      className={`rounded-8 border-l-8 border px-5 py-4 text-std-16N-170 text-solid-gray-900 ${KIND_CLASSES[kind]}`}
    >
      {title !== undefined && <p className="text-std-17B-170">{title}</p>}
      {children}
    </div>
  );
});
