/**
 * "An apply is in progress": written before the first write of an apply, cleared once its
 * history row landed (or its rollback completed). An execution killed in between — the 6-minute
 * limit runs no rollback — leaves it behind, which is how the next preview, apply or hourly check
 * knows the sheet holds a half-finished change: headers without their defaults, or every write
 * done but no history row.
 *
 * Kept in the document's properties (every user of the spreadsheet sees it) and in the running
 * user's properties keyed by spreadsheet id (readable without a document context, as the hourly
 * run may be). Script properties are avoided: an add-on's script store is shared by every
 * installation, and entries left by killed runs would accumulate there.
 */
import type { InterruptedApply } from '../shared/payloads';

const KEY_PREFIX = 'sheet-schema:apply-in-progress:v1:';

export class ApplyJournal {
  constructor(
    private readonly propertiesService: GoogleAppsScript.Properties.PropertiesService,
    private readonly spreadsheetId: string,
  ) {}

  /** The newest entry either store holds, or null. */
  read(): InterruptedApply | null {
    const entries = this.stores()
      .map((store) => parse(store.getProperty(this.key())))
      .filter((entry): entry is InterruptedApply => entry !== null)
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
    return entries[0] ?? null;
  }

  write(entry: InterruptedApply): void {
    const json = JSON.stringify(entry);
    for (const store of this.stores()) store.setProperty(this.key(), json);
  }

  clear(): void {
    for (const store of this.stores()) store.deleteProperty(this.key());
  }

  private key(): string {
    return KEY_PREFIX + this.spreadsheetId;
  }

  private stores(): GoogleAppsScript.Properties.Properties[] {
    const documentStore = this.propertiesService.getDocumentProperties();
    const userStore = this.propertiesService.getUserProperties();
    return documentStore === null ? [userStore] : [documentStore, userStore];
  }
}

function parse(json: string | null): InterruptedApply | null {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as Partial<InterruptedApply>;
    return typeof value.startedAt === 'string' && typeof value.user === 'string' && Array.isArray(value.migrations)
      ? (value as InterruptedApply)
      : null;
  } catch {
    return null;
  }
}
