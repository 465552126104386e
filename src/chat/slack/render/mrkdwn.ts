/**
 * Slack mrkdwn is parsed for control sequences in angle brackets (`<!channel>`, `<@U1>`,
 * `<https://x|label>`). Escaping `&`, `<` and `>` is the only way to show such text literally,
 * so every piece of article or user text goes through `escapeMrkdwn` before it is sent.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A URL safe to put inside `<url|label>`: http(s) only, and with the characters that would end
 * or split the link sequence percent-encoded. Anything else (javascript:, mailto:, junk) → undefined.
 */
export function safeLinkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

/** `<url|label>` with the label escaped, or the escaped label alone when the URL is not linkable. */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const target = url === undefined ? undefined : safeLinkTarget(url);
  return target ? `<${target}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}

/**
 * A citation or article link as a reader can open it: absolute links as they are, relative ones
 * (`/articles/<id>#s3`) under PUBLIC_BASE_URL, and nothing when no base URL is configured.
 */
export function absoluteLink(link: string | undefined, publicBaseUrl: string | undefined): string | undefined {
  if (!link) return undefined;
  if (/^https?:\/\//i.test(link)) return link;
  if (link.startsWith('/') && publicBaseUrl) return `${publicBaseUrl}${link}`;
  return undefined;
}

/** Shortens text to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut an escape sequence (&amp;) in half.
  let cut = text.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}
