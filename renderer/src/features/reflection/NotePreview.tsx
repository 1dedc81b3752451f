import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';

// Notes are the reader's own text, but a preview must never become a browser:
// raw HTML is dropped (skipHtml, no rehype-raw), links render as inert text so
// a click can't navigate the window, and images show their alt text instead of
// loading anything.
const components: Components = {
  a: ({ children, href }) => (
    <span className="md-link" title={href}>
      {children}
    </span>
  ),
  img: ({ alt }) => <span className="md-image">{alt ? `[${alt}]` : '[image]'}</span>,
};

export const NotePreview = memo(function NotePreview({ text }: { text: string }) {
  if (!text.trim()) return <p className="note__preview-empty">Nothing to preview yet.</p>;
  return (
    <Markdown skipHtml components={components}>
      {text}
    </Markdown>
  );
});
