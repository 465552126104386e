/** Longest-common-subsequence alignment of two key sequences, reported as differing hunks. */
export interface Hunk {
  /** [start, end) in a */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Beyond this many table cells (two run-on "sentences" of hundreds of words) no diff is made. */
const MAX_CELLS = 40_000;

export function diffHunks(a: readonly string[], b: readonly string[]): Hunk[] {
  // Common ends never differ: trim them first, so a one-word change costs a tiny table.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const inner = middleHunks(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return inner.map((h) => ({
    aStart: h.aStart + prefix,
    aEnd: h.aEnd + prefix,
    bStart: h.bStart + prefix,
    bEnd: h.bEnd + prefix,
  }));
}

function middleHunks(a: readonly string[], b: readonly string[]): Hunk[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ aStart: 0, aEnd: n, bStart: 0, bEnd: m }];
  if (n * m > MAX_CELLS) return [];
  const table: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = table[i] as Uint16Array;
    const below = table[i + 1] as Uint16Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] =
        a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  const close = () => {
    if (open) {
      open.aEnd = i;
      open.bEnd = j;
      hunks.push(open);
      open = undefined;
    }
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { aStart: i, aEnd: i, bStart: j, bEnd: j };
    const down = i < n ? ((table[i + 1] as Uint16Array)[j] as number) : -1;
    const right = j < m ? ((table[i] as Uint16Array)[j + 1] as number) : -1;
    if (down >= right) i++;
    else j++;
  }
  close();
  return hunks;
}
