import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The environment without any LLM settings, so these tests always exercise the offline engine. */
function offlineEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('OPENAI_') && key !== 'SUMMIT_ENGINE'),
  );
}

/** Runs the real `summit` CLI in a child process (offline engine). */
export function summit(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/summit.js', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: offlineEnv(),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
