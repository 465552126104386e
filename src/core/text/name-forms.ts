/** "china" / "chines", "japan" / "japanes", "australia" / "australian": a name and its demonym stems. */
export function sameStemFamily(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4) return false;
  let prefix = 0;
  while (prefix < short.length && short[prefix] === long[prefix]) prefix++;
  if (prefix < Math.max(4, short.length - 1)) return false;
  return SHORT_ENDINGS.has(short.slice(prefix)) && DEMONYM_ENDINGS.has(long.slice(prefix));
}

const SHORT_ENDINGS = new Set(['', 'a', 'e', 'y']);
const DEMONYM_ENDINGS = new Set(['', 'n', 'an', 'ian', 'es', 'ese', 'ish', 'i']);
