import type { BriefingArticle } from '../core/types.ts';
import { independentSources } from './source-numbers.ts';

/** "1 article", "5 articles", "1,200 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The counts line every renderer shows: "5 articles, 3 independent sources". */
export function countsLine(articles: Pick<BriefingArticle, 'group'>[]): string {
  return `${plural(articles.length, 'article')}, ${plural(independentSources(articles), 'independent source')}`;
}
