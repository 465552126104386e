/**
 * Writes a generated article set to a file (one JSON line: the set), so the measuring process
 * starts from the input alone, as a deployment reading its articles would, not from the
 * generator's leftovers.  usage: node bench/write-set.ts N FILE
 */
import { writeFileSync } from 'node:fs';
import { generateArticleSet } from './generate.ts';

const [count, file] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !file) {
  console.error('usage: node bench/write-set.ts N FILE');
  process.exit(2);
}
writeFileSync(file, JSON.stringify(generateArticleSet(count)));
