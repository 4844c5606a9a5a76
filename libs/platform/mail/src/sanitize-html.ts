/**
 * The allow-list rich text sent by email (a campaign's body, a meeting's
 * minutes) is cut down to on the server, whatever the editor (or a
 * hand-made request) sends: what mail clients render reliably, and nothing
 * that runs. Anything else is dropped, its text kept.
 */
const ALLOWED = new Set(['h2', 'h3', 'p', 'br', 'strong', 'b', 'em', 'i', 'a', 'ul', 'ol', 'li', 'img']);
const VOID = new Set(['br', 'img']);
/** Elements whose content goes with them (never text for the reader). */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'title', 'head', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'textarea', 'select']);
/** What the browser's editor writes that has an allowed counterpart. */
const RENAMED: Record<string, string> = { h1: 'h2', h4: 'h3', h5: 'h3', h6: 'h3', div: 'p' };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Control characters (NUL included: the renderer uses it as a marker); tab and line breaks stay. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function sanitizeEmailHtml(input: string): string {
  const html = input.replace(CONTROL, '');
  const out: string[] = [];
  const open: string[] = [];
  let dropping: string | null = null;
  let i = 0;
  while (i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[i] === '<') {
      TAG.lastIndex = i;
      const m = TAG.exec(html);
      if (m) {
        i = TAG.lastIndex;
        const closing = m[1] === '/';
        const raw = m[2].toLowerCase();
        if (dropping) {
          if (closing && raw === dropping) dropping = null;
          continue;
        }
        if (DROPPED_WITH_CONTENT.has(raw)) {
          if (!closing) dropping = raw;
          continue;
        }
        const name = RENAMED[raw] ?? raw;
        if (!ALLOWED.has(name)) continue;
        if (closing) {
          const at = open.lastIndexOf(name);
          if (at < 0) continue; // never opened: a stray closing tag
          while (open.length > at) out.push(`</${open.pop()}>`);
          continue;
        }
        const attributes = allowedAttributes(name, m[3]);
        if (attributes === null) continue;
        out.push(`<${name}${attributes}>`);
        if (!VOID.has(name)) open.push(name);
        continue;
      }
      // A '<' that starts no tag is text.
      if (!dropping) out.push('&lt;');
      i++;
      continue;
    }
    const next = html.indexOf('<', i);
    const end = next < 0 ? html.length : next;
    if (!dropping) out.push(escapeText(html.slice(i, end)));
    i = end;
  }
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('').trim();
}

/** The attributes kept on an allowed element, serialized; null when the element itself must go (an image without a safe source). */
function allowedAttributes(name: string, source: string): string | null {
  const values = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) {
    const key = m[1].toLowerCase();
    if (!values.has(key)) values.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  if (name === 'a') {
    const href = safeUrl(values.get('href'), /^(https?:\/\/|mailto:)/i);
    return href ? ` href="${escapeAttribute(href)}"` : '';
  }
  if (name === 'img') {
    const src = safeUrl(values.get('src'), /^https:\/\//i);
    if (!src) return null;
    return ` src="${escapeAttribute(src)}" alt="${escapeAttribute((values.get('alt') ?? '').trim())}"`;
  }
  return '';
}

/** A URL with the scheme asked for, once the whitespace and control characters browsers ignore are gone. */
function safeUrl(value: string | undefined, scheme: RegExp): string | null {
  if (!value) return null;
  const url = value.replace(/[\s\u0000-\u001f]+/g, '');
  return scheme.test(url) && url.length <= 2000 ? url : null;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text as written, with any '>' or bare '&' made safe (entities already written stay). */
function escapeText(text: string): string {
  return text.replace(/&(?!(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});)/gi, '&amp;').replace(/>/g, '&gt;');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(value: string): string {
  return value
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  })
    .replace(CONTROL, '');
}

/** The readable text of a sanitized body (is there anything to send?). */
export function hasContent(html: string): boolean {
  return /<img\s/.test(html) || html.replace(/<[^>]+>/g, '').replace(/&nbsp;|\u00a0/g, ' ').trim().length > 0;
}
