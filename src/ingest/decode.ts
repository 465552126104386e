import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded =
  | {
      kind: 'text';
      text: string;
      /** Set when the encoding was guessed rather than known. */
      guessed?: string;
    }
  | { kind: 'binary' };

const FALLBACK_ENCODING = 'windows-1252';
/** Share of control characters above which a file is treated as binary rather than text. */
const MAX_CONTROL_RATIO = 0.05;
const SAMPLE_CHARS = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns file bytes into text: UTF-8 when valid, UTF-16 when a BOM says so,
 * otherwise the legacy encoding chardet guesses (reported back so the caller can warn).
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const utf16 = utf16Bom(bytes);
  if (utf16) return checkText(new TextDecoder(utf16).decode(bytes));
  // Text in any single-byte or UTF-8 encoding never contains NUL; binary formats nearly always do.
  if (bytes.includes(0)) return { kind: 'binary' };
  try {
    return checkText(utf8.decode(bytes));
  } catch {
    const encoding = guessLegacyEncoding(bytes);
    return checkText(iconv.decode(bytes, encoding), encoding);
  }
}

export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** chardet's pick, unless it names a Unicode encoding (the bytes are known not to be UTF-8 here). */
function guessLegacyEncoding(bytes: Uint8Array): string {
  const guess = chardet.analyse(bytes).find((match) => !/^(utf|ascii)/i.test(match.name));
  if (!guess || !iconv.encodingExists(guess.name)) return FALLBACK_ENCODING;
  // Browsers read ISO-8859-1 as its superset windows-1252, which keeps “smart quotes”.
  return /^iso-8859-1$/i.test(guess.name) ? FALLBACK_ENCODING : guess.name;
}

function checkText(text: string, guessed?: string): Decoded {
  return isMostlyControl(text) ? { kind: 'binary' } : { kind: 'text', text, guessed };
}

/** Decoded text that is really binary data: NUL bytes, or mostly control characters. */
export function isBinaryText(text: string): boolean {
  return text.includes('\u0000') || isMostlyControl(text);
}

function isMostlyControl(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    const whitespace = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !whitespace) || code === 0x7f) control++;
  }
  return control / sample.length > MAX_CONTROL_RATIO;
}
