import { useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import { ponder } from '../../api';
import { testIds } from '../../test-ids';

/**
 * Asks before a note's link leaves Ponder: the full address is shown as it will
 * be opened (normalised, so a look-alike written with bidi or encoded tricks
 * shows what it really is), and only Open sends it to the system browser.
 */
export function LinkConfirm({ url, onClose }: { url: string | null; onClose: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    setProblem(null);
    onClose();
  };
  const open = async () => {
    if (url === null) return;
    try {
      await ponder.openExternal({ url });
      close();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <ModalDialog open={url !== null} onClose={close} title="Open this link in your browser?" titleId="link-confirm-title" testId={testIds.linkConfirm}>
      <p className="dialog__intro">Ponder will ask your web browser to open:</p>
      <p className="link-confirm__url">
        <code dir="ltr">{url}</code>
      </p>
      {problem && (
        <p className="dialog__empty dialog__empty--error" role="alert">
          {problem}
        </p>
      )}
      <div className="link-confirm__actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="button button--accent" onClick={() => void open()}>
          Open in Browser
        </button>
      </div>
    </ModalDialog>
  );
}
