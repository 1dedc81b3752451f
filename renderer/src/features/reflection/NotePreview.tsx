import { memo, useMemo, useState } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { checkExternalUrl, isExternalUrl } from '../../../../electron/shared/external-url';
import { LinkConfirm } from './LinkConfirm';

// Notes are the reader's own text, but a preview must never become a browser:
// raw HTML is dropped (skipHtml, no rehype-raw), no element here can navigate the
// window, and images show their alt text instead of loading anything. An http(s)
// link is a button that shows its address and asks before main opens it in the
// system browser; any other link (javascript:, file:, data:…) stays inert text.
function components(confirm: (url: string) => void): Components {
  return {
    a: ({ children, href }) =>
      isExternalUrl(href) ? (
        <button type="button" className="md-link md-link--web" title={href} onClick={() => confirm(checkExternalUrl(href))}>
          {children}
        </button>
      ) : (
        <span className="md-link" title={href}>
          {children}
        </span>
      ),
    img: ({ alt }) => <span className="md-image">{alt ? `[${alt}]` : '[image]'}</span>,
  };
}

export const NotePreview = memo(function NotePreview({ text }: { text: string }) {
  const [pending, setPending] = useState<string | null>(null);
  const rendered = useMemo(() => components(setPending), []);
  if (!text.trim()) return <p className="note__preview-empty">Nothing to preview yet.</p>;
  return (
    <>
      <Markdown skipHtml components={rendered}>
        {text}
      </Markdown>
      {/* Mounted only while asking, so the preview's text is the note's alone. */}
      {pending !== null && <LinkConfirm url={pending} onClose={() => setPending(null)} />}
    </>
  );
});
