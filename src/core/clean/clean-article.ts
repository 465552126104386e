import { splitSentences } from '../text/sentences.ts';
import { isBoilerplateLine, isCaption, isHeadingLine, stripLinePrefix, tidyPunctuation } from './boilerplate.ts';
import { countWords, isTitleCase, splitGluedHeading, splitGluedSentenceCaseHeading, type WordList } from './headings.ts';
import { repairMojibake } from './mojibake.ts';

export interface CleanedText {
  /** Headline found in the text (a Title Case first sentence), if any. */
  headline?: string;
  sentences: string[];
  removed: string[];
}

const MIN_SENTENCE_WORDS = 4;

/**
 * Turns raw article text into clean sentences: mojibake repaired, boilerplate lines, widgets,
 * headings and stray punctuation removed, glued headings split off. Every removal is recorded.
 */
export function cleanArticleText(raw: string, dictionary: WordList): CleanedText {
  const removed: string[] = [];
  let headline: string | undefined;
  const sentences: string[] = [];
  const text = repairMojibake(raw.replace(/\r\n?/g, '\n'));

  for (const rawLine of text.split('\n')) {
    const { text: line, removed: prefix } = stripLinePrefix(rawLine);
    removed.push(...prefix);
    if (!line) continue;
    if (isBoilerplateLine(line) || isHeadingLine(line)) {
      removed.push(line);
      continue;
    }
    for (const candidate of splitSentences(tidyPunctuation(line))) {
      let sentence = candidate;
      if (isTitleCase(sentence)) {
        if (!headline && sentences.length === 0) headline = sentence.replace(/[.]$/, '');
        else removed.push(sentence);
        continue;
      }
      const glued = splitGluedHeading(sentence, dictionary) ?? splitGluedSentenceCaseHeading(sentence);
      if (glued) {
        removed.push(glued.heading);
        sentence = glued.sentence;
      }
      if (countWords(sentence, MIN_SENTENCE_WORDS) < MIN_SENTENCE_WORDS || isBoilerplateLine(sentence) || isCaption(sentence)) {
        removed.push(sentence);
        continue;
      }
      sentences.push(sentence);
    }
  }
  return headline === undefined ? { sentences, removed } : { headline, sentences, removed };
}
