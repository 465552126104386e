/** Query parameters that only say how a reader arrived (campaigns, ad clicks, newsletters). */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|vero_id|oly_anon_id|oly_enc_id)$/i;

/** The URL without tracking parameters and without a fragment (a new URL object). */
export function stripTracking(input: URL | string): URL {
  const url = new URL(input);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  // `?` alone is left when every parameter went.
  if (url.search === '?') url.search = '';
  return url;
}

/** Mobile, AMP and www hosts of the same site. */
function siteHost(host: string): string {
  return host.toLowerCase().replace(/^(www|m|amp|mobile)\./, '');
}

/**
 * Where an article really lives: the page's declared canonical (`<link rel=canonical>` or
 * `og:url`) when it is on the same site as the page, else the address it was fetched from;
 * tracking parameters removed either way. A page cannot claim another site's address, so a
 * citation never shows a source the article did not come from.
 */
export function canonicalUrl(fetchedFrom: string, declared: string | undefined): { url: string; declaredIgnored?: string } {
  const fetched = stripTracking(fetchedFrom);
  if (!declared) return { url: fetched.href };
  let candidate: URL;
  try {
    candidate = new URL(declared, fetched);
  } catch {
    return { url: fetched.href, declaredIgnored: `canonical "${declared.slice(0, 200)}" is not a URL` };
  }
  if (candidate.protocol !== 'http:' && candidate.protocol !== 'https:') {
    return { url: fetched.href, declaredIgnored: `canonical "${candidate.href.slice(0, 200)}" is not http(s)` };
  }
  if (siteHost(candidate.hostname) !== siteHost(fetched.hostname)) {
    return { url: fetched.href, declaredIgnored: `canonical ${candidate.host} is another site than ${fetched.host}` };
  }
  return { url: stripTracking(candidate).href };
}
