// The BUILT renderer page carries the app's one CSP (electron/shared/csp.ts) in a
// meta tag, as a second line behind the app:// header, and loads nothing the
// policy would have to allow beyond itself. Needs `npx electron-vite build` first.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../electron/shared/csp';

const html = readFileSync(path.resolve(__dirname, '../../out/renderer/index.html'), 'utf8');

describe('out/renderer/index.html', () => {
  it('carries the CSP meta tag, equal to the shared policy', () => {
    const tags = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    expect(tags).toHaveLength(1);
    expect(tags[0]![1]).toBe(CONTENT_SECURITY_POLICY_META);
    // The meta form drops only what browsers ignore there (frame-ancestors); the rest is the header.
    expect(CONTENT_SECURITY_POLICY_META.split('; ')).toEqual(
      CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors')),
    );
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('has no inline script and loads only its own files', () => {
    for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(attributes).toMatch(/\ssrc="\.\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});
