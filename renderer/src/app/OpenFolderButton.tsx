import { useAppStore } from '../store/app-store';
import { testIds } from '../test-ids';

export function OpenFolderButton({ prominent = false }: { prominent?: boolean }) {
  const openFolder = useAppStore((state) => state.openFolder);
  return (
    <button
      type="button"
      className={prominent ? 'button button--primary' : 'button'}
      data-testid={testIds.openFolderButton}
      onClick={() => void openFolder()}
    >
      Open Folder…
    </button>
  );
}
