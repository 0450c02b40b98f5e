import { intersects } from './a1';
import { RectStore, toRect } from './rects';

/** Number formats stored as rectangles, last write wins (no per-cell allocation); null = the default format. */
export class FormatStore extends RectStore<string> {
  /** True when some cell of `x` may carry format `fmt`. */
  mayHave(x: Parameters<typeof intersects>[0], fmt: string): boolean {
    return this.rects.some((f) => f.value === fmt && intersects(toRect(f), x));
  }
}
