import { useAppStore } from '../store/app-store';
import { testIds } from '../test-ids';

/** A failure outside any pane (opening a folder, loading the library), until dismissed. */
export function Notice() {
  const notice = useAppStore((state) => state.notice);
  const dismiss = useAppStore((state) => state.showNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid={testIds.notice}>
      <span>{notice}</span>
      <button type="button" className="button button--quiet" onClick={() => dismiss(null)}>
        Dismiss
      </button>
    </div>
  );
}
