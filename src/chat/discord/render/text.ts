/** Zero-width space: breaks a token Discord would act on without changing what readers see. */
const ZWSP = '\u200b';

/**
 * Article text made inert for Discord markdown (embeds and message content alike): every
 * formatting character is backslash-escaped (so no bold, spoilers, headings or masked links
 * `[label](url)`), `://` is broken so bare URLs are not auto-linked, and `@everyone`, `@here`
 * and `<@…>`, `<@&…>`, `<#…>`, `</…>` tokens can neither ping nor render as mentions — even if
 * a message were sent without `allowed_mentions`. Line breaks are folded: one sentence, one line.
 */
export function inertText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\*_~|`[\]]/g, '\\$&')
    // Lists, headings and quotes only start a line; the text is one line, so only its start.
    .replace(/^[-#>+]/, '\\$&')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(?=\S)/g, `<${ZWSP}`);
}

/**
 * Cuts text to at most `max` UTF-16 units (at least what Discord counts) with an ellipsis,
 * never splitting a surrogate pair or leaving a dangling escape backslash.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const trailingBackslashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailingBackslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

