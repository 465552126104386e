import iconv from 'iconv-lite';
import { decodeBytes, utf16Bom } from '../decode.ts';

export type DecodedBody =
  | { ok: true; text: string; encoding: string; note?: string }
  | { ok: false; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes to text: a BOM first, then the charset the header declares, then the one the document
 * declares (`<meta charset>`, `<?xml encoding?>`), then detection. A declared UTF-8 that is not
 * valid UTF-8 (a common server misconfiguration) is detected instead, with a note saying so.
 */
export function decodeBody(bytes: Uint8Array, headerCharset: string | undefined): DecodedBody {
  const bom = utf16Bom(bytes) ?? (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : undefined);
  const declared = bom ?? headerCharset ?? documentCharset(bytes);
  const encoding = declared ? normalise(declared) : undefined;
  if (encoding === 'utf-8') {
    try {
      return { ok: true, text: strip(strictUtf8.decode(bytes)), encoding };
    } catch {
      return detected(bytes, `declared UTF-8 but is not valid UTF-8`);
    }
  }
  if (encoding && iconv.encodingExists(encoding)) {
    return { ok: true, text: strip(iconv.decode(bytes, encoding)), encoding };
  }
  return detected(bytes, encoding ? `unknown charset "${declared}"` : undefined);
}

function detected(bytes: Uint8Array, problem: string | undefined): DecodedBody {
  const result = decodeBytes(bytes);
  if (result.kind === 'binary') return { ok: false, reason: 'the body is binary data, not text' };
  const encoding = result.guessed ?? 'utf-8';
  const note = problem ? `${problem}; decoded as ${encoding}` : result.guessed ? `no charset declared; decoded as ${encoding}` : undefined;
  return { ok: true, text: strip(result.text), encoding, ...(note ? { note } : {}) };
}

/** `<meta charset>`, `<meta http-equiv content="…; charset=">` or the XML declaration, in the first 2 KB. */
function documentCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return xml[1];
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return meta?.[1];
}

function normalise(charset: string): string {
  const name = charset.trim().toLowerCase();
  if (name === 'utf8' || name === 'utf-8') return 'utf-8';
  // As browsers do: ISO-8859-1 and US-ASCII are read as windows-1252 (a superset with “smart quotes”).
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'us-ascii' || name === 'ascii') return 'windows-1252';
  return name;
}

function strip(text: string): string {
  return text.replace(/^\uFEFF/, '');
}
