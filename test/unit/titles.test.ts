import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleOutlet, articleTitle, slugTitle } from '../../src/render/article-title.ts';
import { storyTitle } from '../../src/render/story-title.ts';

test('an article is named by its headline, else its URL slug, else its first words — never a file name or URL', () => {
  assert.equal(articleTitle({ title: 'Steel tariffs cut', url: 'https://news.example/a/b.html' }), 'Steel tariffs cut');
  assert.equal(articleTitle({ url: 'https://www.news.example/2026/03/01/steel-tariffs-cut-to-10-percent.html?utm=x' }), 'Steel tariffs cut to 10 percent');
  assert.equal(slugTitle('https://news.example/world/asia/index.html'), undefined, 'a section name is not a title');
  assert.equal(slugTitle('https://news.example/story/8f3a9c2e11d04b7a'), undefined, 'an id is not a title');
  assert.equal(
    articleTitle({ url: 'https://news.example/8f3a9c2e11d04b7a', lead: 'Japan’s new leader met the former US president in Tokyo on Monday for talks on trade and defence.' }),
    'Japan’s new leader met the former US president in Tokyo on Monday…',
  );
  assert.equal(articleTitle({}), 'Untitled article');
  assert.equal(articleOutlet({ url: 'https://www.news.example/x' }), 'news.example');
  assert.equal(articleOutlet({ outlet: 'The Times', url: 'https://www.thetimes.example/x' }), 'The Times');
});

test('a story is called what its creator set, else its headlines’ common subject, else its id', () => {
  const articles = [
    { title: 'Takaichi and Trump meet in Tokyo for trade talks' },
    { title: 'Weather: rain expected' },
    { title: 'Trump and Takaichi hold trade talks in Tokyo' },
  ];
  assert.equal(storyTitle({ story: 'summit-2025', title: 'Tokyo summit', articles }), 'Tokyo summit');
  assert.equal(storyTitle({ story: 'summit-2025', articles }), 'Trump and Takaichi hold trade talks in Tokyo');
  assert.equal(storyTitle({ story: 'summit-2025', articles: [{}] }), 'summit-2025');
});
