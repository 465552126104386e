/**
 * Link targets for chat: citations are absolute article URLs (with a text fragment) or paths
 * on summit's web pages (`/articles/<id>#s3`) that need PUBLIC_BASE_URL to become clickable.
 */
export function absoluteUrl(link: string, publicBaseUrl?: string): string | undefined {
  let url: URL;
  try {
    url = link.startsWith('/') ? new URL(`${publicBaseUrl ?? 'relative:'}${link}`) : new URL(link);
  } catch {
    return undefined;
  }
  // Only web links: a javascript:, data: or relative link in an article must not become clickable.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href;
}

/** A masked link `[label](url)`; the URL is escaped so it cannot end the markdown early. */
export function maskedLink(label: string, url: string): string {
  const safe = url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${safe})`;
}

/** The full briefing page, the target of "shortened" notes; undefined without PUBLIC_BASE_URL. */
export function briefingPageUrl(publicBaseUrl: string | undefined, briefingId: string | undefined): string | undefined {
  if (!publicBaseUrl || !briefingId) return undefined;
  return absoluteUrl(`/briefings/${encodeURIComponent(briefingId)}`, publicBaseUrl);
}
