import { ModalDialog } from '../../components/ModalDialog';
import { useReturnFocus } from '../../components/use-return-focus';
import { useAppStore } from '../../store/app-store';

/** What the dialog lists of a shortcut (the app's table, renderer/src/app/shortcuts.ts, is passed in). */
export interface ListedShortcut {
  group: string;
  keys: readonly string[];
  label: string;
  where?: string;
}

interface ShortcutsDialogProps {
  shortcuts: readonly ListedShortcut[];
  groups: readonly string[];
  onClosed?: () => void;
}

/** `?`: every shortcut, grouped, from the same table that binds them. */
export function ShortcutsDialog({ shortcuts, groups, onClosed }: ShortcutsDialogProps) {
  const open = useAppStore((state) => state.shortcutsOpen);
  const setOpen = useAppStore((state) => state.setShortcutsOpen);
  useReturnFocus(open, onClosed);
  return (
    <ModalDialog open={open} onClose={() => setOpen(false)} title="Keyboard shortcuts" titleId="shortcuts-title" testId="shortcuts-dialog" wide>
      <div className="shortcuts">
        {groups.map((group) => (
          <section key={group} className="shortcuts__group" aria-labelledby={`shortcuts-${group.replace(/\W+/g, '-')}`}>
            <h3 id={`shortcuts-${group.replace(/\W+/g, '-')}`} className="shortcuts__heading">
              {group}
            </h3>
            <dl className="shortcuts__list">
              {shortcuts
                .filter((shortcut) => shortcut.group === group)
                .map((shortcut) => (
                  <div key={shortcut.label} className="shortcuts__item">
                    <dt>
                      {shortcut.keys.map((key, index) => (
                        <span key={key}>
                          {index > 0 && ' or '}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>
                      {shortcut.label}
                      {shortcut.where && <span className="shortcuts__where"> ({shortcut.where})</span>}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
