/** Markup that is already safe: built by `html` below from escaped values, never from raw input. */
export class Html {
  readonly value: string;

  constructor(value: string) {
    this.value = value;
  }

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/**
 * A template tag that escapes every interpolated value unless it is Html (nested templates).
 * Arrays are joined; undefined, null and false render as nothing. Article text can therefore
 * only ever appear as text — there is no way to interpolate it raw.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * An href summit may render: absolute http(s) URLs as they are, site paths (`/articles/…`)
 * under `base` (the token prefix, when pages are reached through one). Anything else —
 * `javascript:`, `data:`, protocol-relative `//host` — gives undefined: no link.
 */
export function safeHref(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  // Not `//host` or `/\host`, which browsers read as another site.
  if (/^\/(?![/\\])[^\s\\]*$/.test(link)) return `${base}${link}`;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
