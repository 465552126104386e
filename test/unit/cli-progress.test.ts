import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { terminalProgress } from '../../src/cli/progress.ts';

function stream(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY: boolean; columns: number };
  s.isTTY = isTTY;
  s.columns = 100;
  let written = '';
  s.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  return { s: s as unknown as NodeJS.WriteStream, written: () => written };
}

test('on a terminal the progress bar draws and clears itself; piped output gets nothing', async () => {
  const tty = stream(true);
  const bar = terminalProgress('fetching feed items', tty.s);
  bar.update(0, 5);
  bar.update(3, 5);
  bar.update(5, 6);
  bar.stop();
  await new Promise((resolve) => setImmediate(resolve));
  assert.match(tty.written(), /fetching feed items \[[█░]+\] 0\/5/);
  assert.match(tty.written(), /\u001b\[/, 'terminal control sequences');

  const piped = stream(false);
  const silent = terminalProgress('fetching feed items', piped.s);
  silent.update(1, 2);
  silent.stop();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(piped.written(), '');
});
