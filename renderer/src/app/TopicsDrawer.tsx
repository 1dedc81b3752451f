import { useEffect, useRef, type MouseEvent } from 'react';
import { TopicsPane } from '../features/topics/TopicsPane';
import { useAppStore } from '../store/app-store';

export const TOPICS_DRAWER_ID = 'topics-drawer';
/** The header button that opens the drawer: focus goes back to it when the drawer closes. */
export const TOPICS_BUTTON_ID = 'topics-drawer-button';

/**
 * The topics pane of a narrow window, as a modal drawer from the left: a native
 * <dialog>, so focus moves into it and stays there, and Escape closes it.
 * Choosing a topic with the pointer closes it too; the keyboard browses first.
 */
export function TopicsDrawer() {
  const open = useAppStore((state) => state.topicsDrawerOpen);
  const setOpen = useAppStore((state) => state.setTopicsDrawerOpen);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[role="listbox"]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Closed by Escape or a command: give focus back to the button that opened it.
  const onClose = () => {
    setOpen(false);
    document.getElementById(TOPICS_BUTTON_ID)?.focus();
  };

  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    const target = event.target as Element;
    // A click on the backdrop lands on the dialog itself; a click on an option picks a topic.
    if (target === event.currentTarget || target.closest('[role="option"]')) setOpen(false);
  };

  return (
    <dialog ref={ref} id={TOPICS_DRAWER_ID} className="topics-drawer" aria-label="Topics" onClose={onClose} onClick={onClick}>
      {open && <TopicsPane />}
    </dialog>
  );
}
