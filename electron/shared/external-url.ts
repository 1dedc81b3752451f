// Which links may leave Ponder for the system browser: http and https only,
// checked in main before `shell.openExternal` (electron/main/external-links.ts)
// and in the renderer to decide which links in a note's preview are clickable.
// A file:, smb: or custom-scheme URL would hand the OS a path to run or a
// share to mount. No imports: this runs in main and in the renderer.

/** Schemes the system browser may be asked to open. */
export const EXTERNAL_SCHEMES: readonly string[] = ['https:', 'http:'];

/** Long enough for any real link, short enough that the confirm can show all of it. */
export const MAX_EXTERNAL_URL_CHARS = 2_048;

/** The normalised URL, or a "Ponder: " error saying why it will not be opened. */
export function checkExternalUrl(url: string): string {
  if (url.length > MAX_EXTERNAL_URL_CHARS) {
    throw new Error(`Ponder: this link is longer than ${MAX_EXTERNAL_URL_CHARS} characters, so it was not opened. Copy it into your browser if you trust it.`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('Ponder: this link is not a web address, so it was not opened.');
  }
  if (!EXTERNAL_SCHEMES.includes(parsed.protocol)) {
    throw new Error(`Ponder: only http and https links open in your browser; a ${parsed.protocol} link was not opened.`);
  }
  // "https://bank.example@evil.example" shows one host and opens another.
  if (parsed.username || parsed.password) {
    throw new Error('Ponder: this link has a user name or password in it, so it was not opened. Copy it into your browser if you trust it.');
  }
  return parsed.href;
}

/** True when `url` would be opened (the preview shows it as a link). */
export function isExternalUrl(url: string | undefined): url is string {
  if (url === undefined) return false;
  try {
    checkExternalUrl(url);
    return true;
  } catch {
    return false;
  }
}
