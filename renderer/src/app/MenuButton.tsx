import { useEffect, useId, useRef, useState } from 'react';
import { useOutsideDismiss } from '../components/use-outside-dismiss';
import './menu-button.css';
import type { KeyboardEvent, ReactNode } from 'react';

export type MenuEntry =
  | {
      key: string;
      label: ReactNode;
      /** A second, quieter line (a folder's path). */
      detail?: string;
      /** Shown and focusable, but does nothing (a missing folder). */
      disabled?: boolean;
      onSelect: () => void;
    }
  | { key: string; separator: true };

/**
 * The WAI-ARIA menu button: a button with aria-haspopup="menu" opens a role="menu" of
 * role="menuitem"s. Enter, Space or ↓ open it on the first item, ↑ on the last; ↑ ↓ Home End
 * move; Enter or Space choose; Escape closes it and gives focus back to the button; Tab or a
 * click elsewhere closes it. `onOpen` runs each time it opens (to refresh what it lists).
 */
export function MenuButton({ label, entries, onOpen }: { label: string; entries: MenuEntry[]; onOpen?: () => void }) {
  const [open, setOpen] = useState(false);
  /** The item to focus once the menu is on screen. */
  const focusAt = useRef<'first' | 'last'>('first');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonId = useId();
  const menuId = useId();

  const items = () => menuItems(menuRef.current);
  const focusItem = (at: 'first' | 'last') => focusEnd(menuRef.current, at);

  useEffect(() => {
    if (open) focusEnd(menuRef.current, focusAt.current);
  }, [open]);

  useOutsideDismiss(open, () => setOpen(false), menuRef, buttonRef);

  const show = (at: 'first' | 'last') => {
    if (open) return focusItem(at);
    onOpen?.();
    focusAt.current = at;
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    show(event.key === 'ArrowDown' ? 'first' : 'last');
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number | undefined> = {
      ArrowDown: (at + 1) % all.length,
      ArrowUp: (at - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    const next = move[event.key];
    if (next !== undefined) {
      event.preventDefault();
      all[next]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="menu-button">
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? setOpen(false) : show('first'))}
        onKeyDown={onButtonKeyDown}
      >
        {label}
      </button>
      <div ref={menuRef} id={menuId} className="menu-button__menu" role="menu" aria-labelledby={buttonId} hidden={!open} onKeyDown={onMenuKeyDown}>
        {entries.map((entry) =>
          'separator' in entry ? (
            <div key={entry.key} role="separator" className="menu-button__separator" />
          ) : (
            <button
              key={entry.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-button__item"
              aria-disabled={entry.disabled || undefined}
              title={entry.detail}
              onClick={() => {
                if (entry.disabled) return;
                close();
                entry.onSelect();
              }}
            >
              <span className="menu-button__label">{entry.label}</span>
              {/* Named by its label alone; the detail is its description (title). */}
              {entry.detail && (
                <span className="menu-button__detail" aria-hidden="true">
                  {entry.detail}
                </span>
              )}
            </button>
          ),
        )}
      </div>
    </div>
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
}

function focusEnd(menu: HTMLElement | null, at: 'first' | 'last'): void {
  const all = menuItems(menu);
  (at === 'first' ? all[0] : all.at(-1))?.focus();
}
