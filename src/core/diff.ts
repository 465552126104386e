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
  const n = a.length;
  const m = b.length;
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
