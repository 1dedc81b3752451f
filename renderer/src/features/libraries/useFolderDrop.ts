import { useState } from 'react';
import type { DragEvent } from 'react';
import { openDroppedFolder } from './library-actions';

/** Whether a drag carries files (a folder is one); text and links are left to their targets. */
const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Handlers for the window's root: a folder dropped anywhere on it is opened as the library.
 * Without them Chromium would navigate to a dropped file (main refuses that too).
 */
export function useFolderDrop() {
  const [dragging, setDragging] = useState(false);
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    // Leaving for a child of the window is not leaving the window.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    setDragging(false);
    if (!carriesFiles(event)) return;
    event.preventDefault();
    void openDroppedFolder(event.dataTransfer.files[0]);
  };
  return { dragging, handlers: { onDragOver, onDragLeave, onDrop } };
}
