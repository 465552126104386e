/**
 * Shortens a sentence into a briefing point without adding anything: only leading connectives,
 * trailing attributions and non-restrictive clauses are removed, and a remainder far over the
 * budget is cut at a clause boundary. Every word of the result is a word of the sentence, in order.
 */

const LEADING_CONNECTIVE =
  /^(?:but|however|still|yet|and|so|also|meanwhile|consequently|subsequently|afterward|afterwards|recently|lately|moreover|furthermore|in addition|additionally|nonetheless|nevertheless|indeed|in fact|in summary|overall|then|now|separately|earlier|later)\s*,?\s+/i;
const TRAILING_ATTRIBUTION =
  /,\s*(?:the (?:paper|newspaper|report|agency|outlet|broadcaster|statement)|(?:officials?|sources?|analysts?|experts?|observers?|diplomats?|people familiar with [^,]+)|(?:he|she|they|it))\s+(?:said|says|reported|added|noted|told [^,.]+)(?:\s+(?:citing|quoting|on)\s+[^,.]+)?(?=[.!?]?["\u201D]?$)/i;
const NON_RESTRICTIVE = /,\s+(?:which|who|whom|whose|where)\s+[^,]+,\s*/g;
const TRAILING_WHICH = /,\s+(?:which|who|where)\s+[^,]+(?=[.!?]$)/;

/** How far past the word budget a sentence is still shown whole rather than cut. */
const WHOLE_SENTENCE_SLACK = 1.5;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function compressSentence(sentence: string, maxWords: number): string {
  let text = sentence.trim();
  const connective = LEADING_CONNECTIVE.exec(text);
  if (connective && wordCount(text) > 6) text = capitalise(text.slice(connective[0].length));
  text = text.replace(TRAILING_ATTRIBUTION, '');
  if (wordCount(text) > maxWords) text = text.replace(NON_RESTRICTIVE, ' ').replace(/\s+/g, ' ');
  if (wordCount(text) > maxWords) text = text.replace(TRAILING_WHICH, '');
  // A cut sentence reads broken; a somewhat long whole one does not.
  if (wordCount(text) > maxWords * WHOLE_SENTENCE_SLACK) text = cutAtClause(text, maxWords);
  if (!/[.!?]["\u201D']?$/.test(text) && !text.endsWith('…')) text += '.';
  return text.replace(/\s+([,.;:])/g, '$1');
}

function cutAtClause(text: string, maxWords: number): string {
  const words = text.split(/\s+/);
  const head = words.slice(0, maxWords).join(' ');
  const boundary = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(' – '));
  const cut = boundary > head.length * 0.5 ? head.slice(0, boundary) : head.replace(/[,;:]$/, '');
  return `${cut.replace(/[,;:\s]+$/, '')} …`;
}
