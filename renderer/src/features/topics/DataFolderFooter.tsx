import { useAppStore } from '../../store/app-store';
import { testIds } from '../../test-ids';

/** Where the notes live on this computer, with a way to open the folder. */
export function DataFolderFooter() {
  const dataDir = useAppStore((state) => state.appInfo?.dataDir ?? null);
  const reveal = useAppStore((state) => state.revealDataFolder);
  if (dataDir === null) return null;
  return (
    <footer className="data-folder" data-testid={testIds.dataFolderFooter}>
      <p className="data-folder__text">
        Notes are saved in{' '}
        <span className="data-folder__path" title={dataDir} data-testid={testIds.dataFolderPath}>
          {dataDir}
        </span>
      </p>
      <button
        type="button"
        className="button button--small"
        title="Show the data folder in the file manager"
        data-testid={testIds.revealDataFolderButton}
        onClick={() => void reveal()}
      >
        Reveal
      </button>
    </footer>
  );
}
