// Spellcheck without the network. On Windows and Linux Chromium's spellchecker
// uses Hunspell dictionaries, which Electron downloads by default from
// Google's CDN the first time a language is used: a request Ponder must never
// make. Ponder points the download at its own app:// origin instead, where no
// dictionary is served, so nothing leaves the machine (on Linux that means no
// underlines unless a dictionary is already in the profile; Windows 10+ uses
// its own spellchecker for the languages it has). On macOS the OS spellchecker
// is used, nothing is downloaded, and Electron ignores this setting.

import type { Session } from 'electron';

/**
 * Where Chromium would fetch `<language>.bdic` from: Ponder's own origin (APP_ORIGIN in
 * app-protocol.ts, written out so this module loads without Electron), which answers 404.
 */
export const DICTIONARY_DOWNLOAD_URL = 'app://ponder/dictionaries/';

export function keepSpellcheckOffline(session: Pick<Session, 'setSpellCheckerDictionaryDownloadURL'>, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'darwin') return; // the OS spellchecker: no download, and the call is a no-op
  session.setSpellCheckerDictionaryDownloadURL(DICTIONARY_DOWNLOAD_URL);
}
