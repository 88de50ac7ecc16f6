import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** While the confirmed action runs: the confirm button stays focusable but does nothing more. */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question before an action that cannot be taken back (公開 tells
 * seekers at once). The native <dialog> shown with showModal(): the rest of
 * the page is inert, Tab stays inside, Escape cancels, and screen readers
 * announce it as a dialog named by its title and described by its text.
 * Focus starts on the cancel button (the safe choice) and returns to where it
 * was when the dialog closes.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, busy = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element === null) {
      return;
    }
    if (open && !element.open) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      // jsdom has no showModal: the open attribute shows it there.
      if (typeof element.showModal === 'function') {
        element.showModal();
      } else {
        element.setAttribute('open', '');
      }
      cancelButton.current?.focus();
    } else if (!open && element.open) {
      if (typeof element.close === 'function') {
        element.close();
      } else {
        element.removeAttribute('open');
      }
      returnFocusTo.current?.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: the parent decides (and closes the dialog through `open`).
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-[36rem] rounded-12 border border-solid-gray-600 bg-white p-0 text-solid-gray-900 backdrop:bg-[rgba(0,0,0,0.5)]"
    >
      {open && (
        <div className="flex flex-col gap-5 p-5 desktop:p-8">
          <h2 id={titleId} className="text-std-22B-150">
            {title}
          </h2>
          <div id={bodyId} className="flex flex-col gap-3 text-std-16N-170">
            {children}
          </div>
          <div className="flex flex-col gap-3 desktop:flex-row-reverse desktop:justify-start">
            <Button busy={busy} onClick={() => !busy && onConfirm()} className="desktop:min-w-[10rem]">
              {confirmLabel}
            </Button>
            <Button ref={cancelButton} variant="secondary" onClick={onCancel} className="desktop:min-w-[10rem]">
              {cancelLabel}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
