/**
 * Live metrics state in DOCUMENT properties, so every execution of every editor's trigger reads the
 * same: who has live metrics on, spools still to recompute (pending), and a stale flag (a structure
 * change asks for a full recompute). Each deferred execution writes its own pending entry (a new key),
 * so two executions deferring at once cannot overwrite each other's spools without a lock.
 */
const PREFIX = 'sheet-schema:live:v1:';
const PENDING_PREFIX = `${PREFIX}pending:`;
const STALE_KEY = `${PREFIX}stale`;
const USERS_KEY = `${PREFIX}users`;

export interface PendingWork {
  readonly keys: readonly string[];
  readonly spoolRows: readonly number[];
  /** Some execution asked for the full recompute (a paste of keys, a structure change). */
  readonly full: boolean;
  /** Property keys read, to delete once the work is done. */
  readonly entries: readonly string[];
}

export class LiveState {
  constructor(private readonly store: GoogleAppsScript.Properties.Properties) {}

  /** Users (temporary keys) with live metrics on in this document. */
  users(): string[] {
    try {
      const parsed = JSON.parse(this.store.getProperty(USERS_KEY) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === 'string') : [];
    } catch {
      return [];
    }
  }

  setUser(userKey: string, on: boolean): void {
    const others = this.users().filter((u) => u !== userKey);
    const next = on ? [...others, userKey] : others;
    if (next.length === 0) this.store.deleteProperty(USERS_KEY);
    else this.store.setProperty(USERS_KEY, JSON.stringify(next));
  }

  /** Records work an execution could not do (it could not take the lock). */
  defer(work: Omit<PendingWork, 'entries'>, uniqueSuffix: string): void {
    const entry = { keys: work.keys, spoolRows: work.spoolRows, full: work.full };
    this.store.setProperty(PENDING_PREFIX + uniqueSuffix, JSON.stringify(entry));
  }

  markStale(isoNow: string): void {
    this.store.setProperty(STALE_KEY, isoNow);
  }

  /** Everything deferred so far, with the stale flag folded into `full` — one properties read. */
  pending(): PendingWork {
    const all = this.store.getProperties();
    const keys = new Set<string>();
    const spoolRows = new Set<number>();
    let full = all[STALE_KEY] !== undefined;
    const entries: string[] = full ? [STALE_KEY] : [];
    for (const [name, json] of Object.entries(all)) {
      if (!name.startsWith(PENDING_PREFIX)) continue;
      entries.push(name);
      const entry = parseEntry(json);
      full ||= entry.full;
      for (const key of entry.keys) keys.add(key);
      for (const row of entry.spoolRows) spoolRows.add(row);
    }
    return { keys: [...keys], spoolRows: [...spoolRows], full, entries };
  }

  /** Deletes the entries of work now done (entries written since stay for the next run). */
  settle(work: PendingWork): void {
    for (const name of work.entries) this.store.deleteProperty(name);
  }
}

function parseEntry(json: string): { keys: string[]; spoolRows: number[]; full: boolean } {
  try {
    const value = JSON.parse(json) as { keys?: unknown; spoolRows?: unknown; full?: unknown };
    const keys = Array.isArray(value.keys) ? value.keys.filter((k): k is string => typeof k === 'string') : [];
    const rows = Array.isArray(value.spoolRows) ? value.spoolRows.filter((r): r is number => Number.isInteger(r)) : [];
    return { keys, spoolRows: rows, full: value.full === true };
  } catch {
    // A damaged entry still means some execution left work behind: the safe reading is "recompute fully".
    return { keys: [], spoolRows: [], full: true };
  }
}
