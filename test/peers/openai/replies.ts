import type { Behaviour, ChatCompletionBody } from './server.ts';

/** Scripted model behaviours built from what the client sent, as a model would read it. */

export interface SentClaim {
  id: string;
  text: string;
  sources: number[];
  independent: number;
}

export interface SentData {
  topics?: { id: string; label: string; claims: string[] }[];
  claims: SentClaim[];
  disagreements: unknown[];
}

const FENCE = /<<<DATA\n([\s\S]*?)\nDATA>>>/;

/** The claims data block of the request (in a repair round, the last user message holds the failures). */
export function sentData(body: ChatCompletionBody): SentData {
  const blocks = body.messages
    .filter((m) => m.role === 'user')
    .map((m) => FENCE.exec(m.content)?.[1])
    .filter((b): b is string => b !== undefined)
    .map((b) => JSON.parse(b) as Partial<SentData>);
  const data = blocks.reverse().find((b) => Array.isArray(b.claims));
  if (!data) throw new Error('the request has no <<<DATA block with claims');
  return data as SentData;
}

/** The failures named in a repair request's data block (empty for a first request). */
export function sentFailures(body: ChatCompletionBody): { text: string; problems: string[] }[] {
  const last = body.messages.at(-1);
  const block = last ? FENCE.exec(last.content)?.[1] : undefined;
  const parsed = block ? (JSON.parse(block) as { failures?: { text: string; problems: string[] }[] }) : {};
  return parsed.failures ?? [];
}

/** A model that does the job: each topic's first claims, in their own words, cited. */
export function faithfulBriefing(body: ChatCompletionBody, pointsPerTopic = 3): Behaviour {
  const data = sentData(body);
  const text = new Map(data.claims.map((c) => [c.id, c.text]));
  return {
    kind: 'json',
    content: {
      topics: (data.topics ?? []).map((t) => ({
        id: t.id,
        points: t.claims.slice(0, pointsPerTopic).map((ref) => ({ text: text.get(ref) ?? '', claims: [ref] })),
      })),
    },
  };
}

/** Answers with the first retrieved claim, cited. */
export function faithfulAnswer(body: ChatCompletionBody): Behaviour {
  const first = sentData(body).claims[0];
  if (!first) return { kind: 'json', content: { supported: false, sentences: [] } };
  return { kind: 'json', content: { supported: true, sentences: [{ text: first.text, claims: [first.id] }] } };
}

/** A briefing where every point carries something the claims do not say. */
export function briefingWithPoints(body: ChatCompletionBody, point: (claim: SentClaim) => { text: string; claims: string[] }): Behaviour {
  const data = sentData(body);
  const byId = new Map(data.claims.map((c) => [c.id, c]));
  return {
    kind: 'raw',
    content: JSON.stringify({
      topics: (data.topics ?? []).map((t) => ({
        id: t.id,
        points: t.claims.slice(0, 3).map((ref) => point(byId.get(ref) as SentClaim)),
      })),
    }),
  };
}
