import { z } from 'zod';
import type { ArticleMeta } from './types.ts';

/** Blank and null metadata mean "not known", the same as a missing field. */
const optionalString = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || undefined);

/** One article as written in a .json file or an ndjson line. */
export const articleRecordSchema = z
  .object({
    url: optionalString,
    title: optionalString,
    outlet: optionalString,
    publishedAt: optionalString,
    text: z.string().nullish(),
    html: z.string().nullish(),
  })
  .refine((record) => typeof record.text === 'string' || typeof record.html === 'string', {
    message: 'needs a "text" or "html" string',
  });

export type ArticleRecord = z.infer<typeof articleRecordSchema>;

export type RecordParse = { ok: true; record: ArticleRecord } | { ok: false; reason: string };

export function parseArticleRecord(value: unknown): RecordParse {
  const result = articleRecordSchema.safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  const issues = result.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
  return { ok: false, reason: `invalid article: ${issues.join('; ')}` };
}

export function recordMeta(record: ArticleRecord): ArticleMeta {
  return { url: record.url, title: record.title, outlet: record.outlet, publishedAt: record.publishedAt };
}
