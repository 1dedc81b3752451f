// The renderer's Content Security Policy, in one place: main sends it as a
// header from app://, the e2e host sends the same header, and
// renderer/index.html carries the same policy in a meta tag.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
