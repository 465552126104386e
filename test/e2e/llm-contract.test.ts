import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NOT_COVERED } from '../../src/core/answer.ts';
import { numberValue, tokenize } from '../../src/core/text/tokens.ts';
import type { Answer, Briefing, Citation } from '../../src/core/types.ts';
import { OfflineWriter } from '../../src/llm/offline-writer.ts';
import type { Writer } from '../../src/llm/writer.ts';
import { type ArticleSetUnderTest, peerWriter, seedSet } from '../peers/openai/harness.ts';
import { faithfulAnswer, faithfulBriefing } from '../peers/openai/replies.ts';
import { type OpenAiPeer, startOpenAiPeer } from '../peers/openai/server.ts';

/**
 * The writer contract: one set of checks, run against every BriefingWriter/AnswerWriter.
 * Renderers and chat adapters rely on exactly this, whichever engine wrote the result.
 */
function writerContract(name: string, makeWriter: () => Promise<Writer>, expectedEngine: RegExp) {
  describe(`writer contract: ${name}`, () => {
    let writer: Writer;
    let set: ArticleSetUnderTest;
    let briefing: Briefing;
    before(async () => {
      writer = await makeWriter();
      set = await seedSet();
      briefing = await writer.brief({ analysis: set.analysis, options: set.options });
    });

    const checkCitation = (c: Citation) => {
      const article = set.analysis.articles.find((a) => a.id === c.articleId);
      assert.ok(article, `citation of unknown article ${c.articleId}`);
      assert.equal(article.sentences.find((s) => s.id === c.sentenceId)?.text, c.quote, 'quote is verbatim');
      const local = `/articles/${c.articleId}#s${c.sentenceId}`;
      assert.ok(c.link === local || (article.url && c.link.startsWith(`${article.url}#:~:text=`)), c.link);
    };
    const numbersBacked = (text: string, citations: Citation[]) => {
      const cited = new Set(citations.flatMap((c) => tokenize(c.quote).map((t) => numberValue(t.lower))));
      for (const t of tokenize(text)) if (/\d/.test(t.raw)) assert.ok(cited.has(numberValue(t.lower)), `${t.raw} in "${text}"`);
    };

    test('briefing: the same JSON shape, engine named', () => {
      assert.deepEqual(Object.keys(briefing).filter((k) => k !== 'notes').sort(), [
        'articles', 'disagreements', 'engine', 'generatedAt', 'groups', 'overview', 'story', 'topics',
      ]);
      assert.equal(briefing.notes, undefined, 'no fallback in a healthy run');
      assert.match(briefing.engine, expectedEngine);
      assert.ok(writer.cacheKeyPart.includes(writer.engine), 'the cache key names the engine');
      assert.deepEqual(briefing.topics.map((t) => t.id), set.options.topics.map((t) => t.id));
      assert.equal(briefing.articles.length, 5);
    });

    test('briefing: every point cites verbatim sentences and backs its numbers', () => {
      const points = briefing.topics.flatMap((t) => t.points);
      assert.ok(points.length >= 6);
      for (const p of points) {
        assert.ok(p.text.trim().split(/\s+/).length <= 60, p.text);
        assert.ok(Number.isInteger(p.independentSources) && p.independentSources >= 1);
        assert.ok(set.analysis.claims.some((c) => c.id === p.claimId), p.claimId);
        assert.ok(p.citations.length >= 1);
        p.citations.forEach(checkCitation);
        numbersBacked(p.text, p.citations);
      }
      for (const d of briefing.disagreements) d.citations.forEach(checkCitation);
    });

    test('answer: cited when supported, "The articles don\'t say." when not', async () => {
      const yes: Answer = await writer.answer({ analysis: set.analysis, question: 'How much will Tokyo invest in US industries?' });
      assert.deepEqual(Object.keys(yes).sort(), ['answer', 'citations', 'question', 'supported']);
      assert.equal(yes.supported, true);
      assert.ok(yes.citations.length >= 1);
      yes.citations.forEach(checkCitation);
      numbersBacked(yes.answer, yes.citations);

      const no = await writer.answer({ analysis: set.analysis, question: 'Did they discuss Taiwan?' });
      assert.deepEqual(no, { question: 'Did they discuss Taiwan?', answer: NOT_COVERED, supported: false, citations: [] });
    });
  });
}

writerContract('offline engine', async () => new OfflineWriter(), /^summit-offline\/\d+$/);

let peer: OpenAiPeer;
before(async () => {
  peer = await startOpenAiPeer((req) =>
    req.body.response_format?.json_schema?.name === 'briefing' ? faithfulBriefing(req.body, 3) : faithfulAnswer(req.body),
  );
});
after(() => peer.close());
writerContract('OpenAI client + local peer', () => peerWriter(peer), /^openai:test-model\/prompt-v\d+$/);
