import { countWords } from './headings.ts';

/**
 * Boilerplate that sites wrap around article text: share bars, widgets, credit lines,
 * newsletter and "read more" prompts. Line-level and phrase-level patterns, none about one story.
 */

/** A whole line that is boilerplate. */
const BOILERPLATE_LINES: RegExp[] = [
  /^(?:with )?(?:inputs?|additional reporting|reporting|writing|editing) (?:from|by) .{0,80}$/i,
  /^(?:\(?(?:c|©)\)?\s*)?(?:copyright|all rights reserved)\b.{0,120}$/i,
  /^(?:advertisement|sponsored|promoted|ad)$/i,
  /^(?:also read|read more|read also|related|recommended|more from|you may also like|trending|most read|watch)\b.{0,140}$/i,
  /^(?:share|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|reddit|telegram)(?:\s+(?:this|on|via|article|story|link|x|facebook|twitter|whatsapp|email))*\s*$/i,
  /^(?:sign up|subscribe|follow us|join our|download the app|get the latest|click here)\b.{0,160}$/i,
  /^(?:photo|image|file photo|picture|video)\s*(?:credit)?\s*:.{0,160}$/i,
  /^(?:updated|published|posted|last updated)\s*:?\s.{0,60}\d.{0,40}$/i,
  /^(?:by|written by|author)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*[,|].{0,60})?$/,
  /^(?:more|latest|impact|top|editor'?s?)\s+(?:shorts|stories|news|picks|videos)\b.{0,80}$/i,
  // Publishing notes: AI/translation disclosures, syndication terms, calls to read on or comment.
  /^this (?:article|story|report|content) (?:was|has been|is) (?:produced|generated|written|created|translated|updated)\b.{0,140}$/i,
  /^this material may not be (?:published|broadcast|rewritten|redistributed)\b.{0,120}$/i,
  /^(?:read|see|watch) the (?:full|original|complete) (?:story|article|report|interview)\b.{0,140}$/i,
  /^(?:leave a comment|tell us what you think|share your (?:thoughts|views))\b.{0,140}$/i,
];

/** The date part of a dateline: ", Oct 20", ", October 20, 2025", ", 21st October, 2025". */
const DATE =
  ',\\s*(?:[A-Z][a-z]{2,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Z][a-z]{2,9}\\.?)(?:,?\\s*\\d{4})?';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** Phrases glued to the start of a line (share bars, bylines in running text). */
const LEADING_PHRASES: RegExp[] = [
  /^(?:share this (?:article|story|post|page)|share on (?:facebook|twitter|x|whatsapp|linkedin)|share this|share)\s+/i,
  /^(?:listen to (?:this )?article|listen|print this page|save|bookmark)\s+(?=[A-Z])/i,
  /^(?:advertisement|sponsored)\s+(?=[A-Z])/i,
  // Reprinted datelines in mixed case need the agency: "Tokyo, Oct 28 (Reuters) — ", "Canberra (AAP) - ".
  /^[A-Z][a-z]+(?:[ /][A-Z][a-z]+)*(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\((?:AP|AAP|AFP|Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|dpa|ANI|PTI|IANS|UPI|Jiji|ANSA|EFE)\)\s*[-\u2013\u2014]{1,2}\s+(?=["\u201C\u2018A-Z])/,
  // Wire datelines: "WASHINGTON, Oct 20 (Reuters) - ", "SYDNEY/BEIJING (AFP) — ", "(AP) — ",
  // "MANILA (Asia Desk) - ", "WASHINGTON, 21st October, 2025 (WAM) – ", and "TOKYO: " / "NEW DELHI, Oct 28: ".
  new RegExp(
    `^(?:[A-Z][A-Z.'-]{2,}(?:[ /][A-Z][A-Z.'-]+)*(?:${DATE})?\\s*)?(?:\\([A-Za-z][A-Za-z .]{1,20}\\)\\s*)?[-\u2013\u2014]{1,2}\\s+(?=["\u201C\u2018A-Z])`,
  ),
  new RegExp(`^[A-Z][A-Z.'-]{2,}(?:[ /][A-Z][A-Z.'-]+)*(?:${DATE})?\\s*(?:\\([A-Za-z]{2,12}\\)\\s*)?:\\s+(?=["\u201C\u2018A-Z])`),
  // A wire dateline whose dash touches the text: "BERLIN (Reuters) -German Chancellor …".
  new RegExp(
    `^[A-Z][A-Za-z.'-]{2,}(?:[ /][A-Z][A-Za-z.'-]+)*(?:${DATE})?\\s*\\((?:AP|AAP|AFP|Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|dpa|ANI|PTI|IANS|UPI|Jiji|ANSA|EFE)\\)\\s*[-\u2013\u2014]{1,2}(?=["\u201C\u2018A-Z])`,
  ),
  // Mixed-case place datelines with a month and day: "Washington/Seoul, Aug 25: ", "Washington, Aug 26 US …".
  new RegExp(
    `^[A-Z][a-z]+(?:[ /][A-Z][a-z]+){0,3},\\s*${MONTH}\\.?\\s+\\d{1,2}(?:,?\\s*\\d{4})?(?:\\s*[:\\-\u2013\u2014]\\s*|\\s+)(?=["\u201C\u2018A-Z])`,
  ),
  // An outlet's web name as the dateline: "TEMPO.CO, Jakarta - ".
  /^[A-Z]{2,}(?:\.[A-Z]{2,})+,\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*[-\u2013\u2014]{1,2}\s+(?=["\u201C\u2018A-Z])/,
  // Agency datelines with the country in brackets: "New Delhi [India], October 28 (ANI): ".
  new RegExp(
    `^[A-Z][\\w.'-]*(?: [A-Z][\\w.'-]*){0,3} \\[[A-Z][\\w .'-]{1,40}\\](?:${DATE})?\\s*(?:\\([A-Za-z]{2,12}\\)\\s*)?[:\\-\u2013\u2014]\\s*`,
  ),
  // Machine-written dates before the text ("date 2025-10-28 ") and summary labels ("TL;DR: ").
  /^(?:date\s*:?\s*)?\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?\s+/i,
  /^(?:TL\s*;\s*DR|TLDR|In short|Key takeaways?|Summary)\s*[:\-\u2013\u2014]\s*/i,
];

/** Characters that carry no text: emoji, pictographs, symbols, private use, replacement char. */
const SYMBOL_CHARS = /\p{Extended_Pictographic}|\p{Co}|[\uFFFD\u200B-\u200D\u2060]|\uFE0F/gu;

const NON_ASCII = /[^\x00-\x7F]/;

/** All line patterns as one alternation: one regex run per line instead of ten. */
const ANY_BOILERPLATE_LINE = new RegExp(
  BOILERPLATE_LINES.map((re) => `(?:${re.source})`).join('|'),
  'i',
);

export function isBoilerplateLine(line: string): boolean {
  const text = line.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return true; // stray punctuation
  if (!ANY_BOILERPLATE_LINE.test(text)) return false;
  // The combined pattern is case-insensitive; recheck the one case-sensitive byline pattern exactly.
  return BOILERPLATE_LINES.some((re) => re.test(text));
}

/**
 * Photo captions and their credits: "… applauds sailors aboard the carrier, Oct. 28, 2025.",
 * "… at the White House. (AP Photo/Evan Vucci)", "… Credit: Supplied", "Camera Icon …".
 */
const CAPTION = new RegExp(
  [
    ',\\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2},\\s+\\d{4}\\.?\\s*$',
    '\\((?:AP|AFP|AAP|Reuters|EPA|Getty|Bloomberg|Xinhua|Kyodo|Yonhap|dpa|ANI|PTI|UPI)(?:[ /][^)]{0,50})?\\)\\s*$',
    '\\b(?:Photo|Image|Picture|Credit|Photograph)s?\\s*(?:credit)?\\s*:\\s*\\S',
    '^Camera\\s?Icon',
    '\\b(?:Getty Images|AP Photo|AFP via Getty|Reuters/|Shutterstock)\\b',
  ].join('|'),
);

/**
 * A caption in the present tense dated in full at its end: "Troops march during a parade in
 * Tiananmen Square on Sept. 3, 2025." Reporting keeps to past or future tense ("met", "will sign").
 */
const DATED_AT_END = new RegExp(`\\bon\\s+${MONTH}\\.?\\s+\\d{1,2},\\s+\\d{4}\\.?\\s*$`);
const PLACED = /\b(?:in|at|aboard|outside|inside|during)\s+\S+.*\bon\s+\S+\s+\d/;
const REPORTING_TENSE = /\b(?:was|were|had|has|have|will|would|could|did|said|says|told|met|took|made|held|\w{2,}ed)\b/i;

export function isCaption(sentence: string): boolean {
  return (
    CAPTION.test(sentence) ||
    (DATED_AT_END.test(sentence) && PLACED.test(sentence) && !REPORTING_TENSE.test(sentence))
  );
}

/** Removes pictographs and leading share-bar phrases from a line; returns the cleaned line and what went. */
export function stripLinePrefix(line: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  // Pictographs and symbols are all outside ASCII: most lines need no scan for them.
  let text = NON_ASCII.test(line) ? line.replace(SYMBOL_CHARS, ' ') : line;
  if (text.includes('  ') || text.includes('\t')) text = text.replace(/[ \t]+/g, ' ');
  text = text.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of LEADING_PHRASES) {
      const m = re.exec(text);
      if (m) {
        removed.push(m[0].trim());
        text = text.slice(m[0].length).trim();
        changed = true;
      }
    }
  }
  return { text, removed };
}

/** Repairs spacing and stray punctuation inside running text. */
export function tidyPunctuation(text: string): string {
  return text
    .replace(/^[-\u2022*]\s+(?=\S)/, '') // a list item's marker
    .replace(/([.!?]["\u201D])(?=[A-Z])/g, '$1 ') // a quote closed against the next sentence
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])(?=[A-Za-z])/g, '$1 ')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/([,.;:])\1+/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * A line without sentence punctuation is a headline, heading, caption or widget label, not a
 * sentence (up to the length of a long headline; longer ones are run-on text, split later).
 */
export function isHeadingLine(line: string): boolean {
  const text = line.trim();
  const words = countWords(text, 31);
  if (/[.!?]["'\u201D\u2019)]*$/.test(text)) return words <= 4 && /\?$/.test(text);
  return words <= 30;
}
