/** Last segment of a library-relative path (always `/`-separated). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
