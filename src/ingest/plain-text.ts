const MAX_HEADLINE_WORDS = 25;
const SENTENCE_END = /[.!?”"]$/;
const MARKDOWN_HEADING = /^#{1,6}\s+|\s+#+$/g;

export interface PlainArticle {
  title?: string;
  text: string;
}

/**
 * Splits a leading headline off plain text: a short first line, set apart by a blank line,
 * that does not read like the end of a sentence.
 */
export function splitHeadline(raw: string, options: { markdown?: boolean } = {}): PlainArticle {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  const lines = text.split('\n');
  const first = lines[0]?.trim() ?? '';
  const followedByBlank = lines.length > 2 && lines[1]?.trim() === '';
  const title = options.markdown ? first.replace(MARKDOWN_HEADING, '') : first;
  const body = lines.slice(2).join('\n').trim();
  if (!followedByBlank || !isHeadline(title) || body === '') return { text };
  return { title, text: body };
}

function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  return words > 0 && words <= MAX_HEADLINE_WORDS && !SENTENCE_END.test(line);
}
