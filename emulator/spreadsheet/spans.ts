/** 1-based inclusive spans [a, b] under row/column insertions, deletions and moves. */
export type Span = [number, number];

/** `n` items inserted so that the first new one is at position `at`. */
export function spanAfterInsert(a: number, b: number, at: number, n: number): Span {
  if (at <= a) return [a + n, b + n];
  if (at <= b) return [a, b + n];
  return [a, b];
}

/** Items at..at+n-1 deleted; null when the whole span is gone. */
export function spanAfterDelete(a: number, b: number, at: number, n: number): Span | null {
  const end = at + n - 1;
  const overlap = Math.max(0, Math.min(b, end) - Math.max(a, at) + 1);
  const remaining = b - a + 1 - overlap;
  if (remaining === 0) return null;
  const start = a < at ? a : a > end ? a - n : at;
  return [start, start + remaining - 1];
}

/** Position map of moving items a..a+n-1 to before `dest` (dest in pre-move coordinates). */
export function moveMap(a: number, n: number, dest: number): (i: number) => number {
  const b = a + n - 1;
  if (dest > b) return (i) => (i < a || i >= dest ? i : i <= b ? i + (dest - 1 - b) : i - n);
  return (i) => (i < dest || i > b ? i : i >= a ? i - (a - dest) : i + n);
}

/** Maps every index of [a, b] and groups the results into contiguous spans. */
export function mapSpan(a: number, b: number, map: (i: number) => number): Span[] {
  const out: Span[] = [];
  const mapped: number[] = [];
  for (let i = a; i <= b; i++) mapped.push(map(i));
  mapped.sort((x, y) => x - y);
  for (const m of mapped) {
    const last = out[out.length - 1];
    if (last && last[1] === m - 1) last[1] = m;
    else out.push([m, m]);
  }
  return out;
}

/** Inserts `n` holes at 0-based `index` (no-op when the array is shorter). */
export function insertHoles<T>(arr: T[], index: number, n: number): void {
  if (arr.length <= index) return;
  if (n <= 10000) {
    arr.splice(index, 0, ...new Array<T>(n));
    return;
  }
  const tail = arr.splice(index);
  arr.length = index + n;
  for (const x of tail) arr.push(x);
}
