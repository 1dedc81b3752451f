import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Unique id for the title, which labels the dialog. */
  titleId: string;
  testId: string;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A native modal <dialog> driven by store state: it traps focus, Escape closes
 * it, and its `close` event keeps the store in step with the element.
 */
export function ModalDialog({ open, onClose, title, titleId, testId, wide, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className={wide ? 'dialog dialog--wide' : 'dialog'} aria-labelledby={titleId} data-testid={testId} onClose={onClose}>
      <header className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </header>
      {children}
    </dialog>
  );
}
