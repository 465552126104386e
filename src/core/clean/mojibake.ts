import iconv from 'iconv-lite';

/**
 * Repairs text that was UTF-8 but got decoded with a single-byte code page (the "â€™" / "đź”—"
 * family). Each run of non-ASCII characters is re-encoded with each candidate code page; if the
 * bytes form valid UTF-8 that is shorter, the run was mojibake and is replaced.
 */
const CODE_PAGES = ['windows-1252', 'windows-1250', 'windows-1251', 'windows-1257', 'iso-8859-2', 'latin1'];
const utf8 = new TextDecoder('utf-8', { fatal: true });
// Runs of non-ASCII characters, allowing single ASCII characters that may be continuation artefacts.
const SUSPECT_RUN = /[\u0080-\uFFFF]{2,}/g;

export function repairMojibake(text: string): string {
  if (!/[\u0080-\u024F\u2013-\u203A\u20AC\u2122]{2}/.test(text)) return text;
  return text.replace(SUSPECT_RUN, (run) => repairRun(run) ?? run);
}

function repairRun(run: string): string | undefined {
  for (const page of CODE_PAGES) {
    const bytes = iconv.encode(run, page);
    // iconv-lite substitutes "?" for unmappable characters: then this page is not the culprit.
    if (bytes.includes(0x3f) && !run.includes('?')) continue;
    if (!bytes.some((b) => b >= 0xc2)) continue;
    try {
      const decoded = utf8.decode(bytes);
      if (decoded.length < run.length) return decoded;
    } catch {
      // not UTF-8 under this code page
    }
  }
  return undefined;
}
