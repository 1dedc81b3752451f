import type { Diagnostic } from '../../../../electron/shared/ipc-contract';

/** "digest.txt:12"; line 0 concerns the whole file, so just "digest.txt". */
export function diagnosticWhere(diagnostic: Diagnostic): string {
  return diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}` : diagnostic.file;
}
