import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

/** The bundled demo article set, shipped in the repository. */
export const BUNDLED_SET = resolve(DATA, 'summit-2025');

/** The default topics (trade, defence, China). */
export const DEFAULT_TOPICS_FILE = resolve(DATA, 'topics/default.json');
