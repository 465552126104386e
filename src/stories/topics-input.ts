import type { Topic } from '../core/types.ts';
import { StoryInputError } from './errors.ts';

const MAX_TOPICS = 10;
const MAX_TERMS = 20;

/**
 * A topic list typed in chat: topics separated by ";" (or "," when no topic lists terms), each a
 * name optionally followed by ":" and its terms — `election: vote ballot poll; coalition`. A bare
 * name that is one of the deployment's topics (`trade`) takes its definition; any other bare
 * name is a topic whose only term is the name itself. `default` is the deployment's topics.
 */
export function parseTopicList(text: string, known: Topic[]): Topic[] {
  const trimmed = text.trim();
  if (!trimmed) throw new StoryInputError('name the topics, e.g. `/summit topics election: vote ballot poll; coalition: coalition talks`');
  if (trimmed.toLowerCase() === 'default') return known.map((t) => ({ ...t, terms: [...t.terms] }));
  const parts = (trimmed.includes(':') || trimmed.includes(';') ? trimmed.split(';') : trimmed.split(/[,\s]+/)).map((p) => p.trim()).filter(Boolean);
  if (parts.length > MAX_TOPICS) throw new StoryInputError(`at most ${MAX_TOPICS} topics per story`);
  const topics: Topic[] = [];
  for (const part of parts) {
    const [rawName = '', ...rest] = part.split(':');
    const label = rawName.replace(/\s+/g, ' ').trim();
    const id = topicId(label);
    if (!id) throw new StoryInputError(`“${part.slice(0, 40)}” needs a name of letters or digits`);
    if (topics.some((t) => t.id === id)) throw new StoryInputError(`the topic “${label}” is named twice`);
    const terms = rest.join(':').split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean);
    if (terms.length > MAX_TERMS) throw new StoryInputError(`at most ${MAX_TERMS} terms per topic (“${label}” has ${terms.length})`);
    const bundled = known.find((t) => t.id === id);
    if (terms.length === 0 && bundled) topics.push({ ...bundled, terms: [...bundled.terms] });
    else topics.push({ id, label: capitalise(label), description: '', terms: terms.length > 0 ? terms : [label.toLowerCase()] });
  }
  return topics;
}

/** A topic's id from its name: lower case, accents dropped, "-" between words. */
export function topicId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
