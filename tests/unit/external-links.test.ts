// The one function that reaches shell.openExternal: only http(s) links leave
// Ponder, whatever a note or a compromised page hands it.

import { describe, expect, it } from 'vitest';
import { openExternalLink } from '../../electron/main/external-links';
import { isExternalUrl } from '../../electron/shared/external-url';

function recordingShell() {
  const opened: string[] = [];
  return { opened, openExternal: async (url: string) => void opened.push(url) };
}

describe('openExternalLink', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.com/Path', 'https://example.com/Path'],
  ])('opens the web link %s in the browser', async (url, normalised) => {
    const shell = recordingShell();
    await openExternalLink(url, shell);
    expect(shell.opened).toEqual([normalised]);
  });

  it.each([
    ['javascript:alert(1)', 'only http and https links open in your browser; a javascript: link'],
    ['JaVaScRiPt:alert(1)', 'a javascript: link'],
    ['file:///etc/passwd', 'a file: link'],
    ['file://server/share/run.exe', 'a file: link'],
    ['data:text/html,<script>alert(1)</script>', 'a data: link'],
    ['smb://attacker.example/share', 'a smb: link'],
    ['ms-msdt:/id PCWDiagnostic', 'a ms-msdt: link'],
    ['vscode://file/etc/passwd', 'a vscode: link'],
    ['ponder-custom://x', 'a ponder-custom: link'],
    ['mailto:someone@example.com', 'a mailto: link'],
    ['app://ponder/index.html', 'a app: link'],
    ['blob:https://example.com/0000', 'a blob: link'],
    ['//example.com/no-scheme', 'not a web address'],
    ['example.com', 'not a web address'],
    ['', 'not a web address'],
    ['https://bank.example@evil.example/', 'has a user name or password in it'],
    [`https://example.com/${'a'.repeat(3_000)}`, 'longer than 2048 characters'],
  ])('refuses %s and opens nothing', async (url, why) => {
    const shell = recordingShell();
    const refusal = openExternalLink(url, shell);
    await expect(refusal).rejects.toThrow(/^Ponder: /);
    await expect(refusal).rejects.toThrow(why);
    expect(shell.opened).toEqual([]);
  });

  it('is the rule the preview uses to decide which links are clickable', () => {
    expect(isExternalUrl('https://example.com/')).toBe(true);
    expect(isExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalUrl(undefined)).toBe(false);
  });
});
