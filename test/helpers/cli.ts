import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the real `summit` CLI in a child process. */
export function summit(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/summit.js', ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
