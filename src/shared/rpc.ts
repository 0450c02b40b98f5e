/**
 * The sidebar's RPC contract: the server functions the sidebar calls through google.script.run,
 * with JSON-only argument and result types. src/server/main.ts is checked against it at compile
 * time (`ImplementsSidebarApi`), and the client's typed wrapper (src/client/rpc.ts) is derived
 * from it — so a misspelt server name or a changed signature fails type checking on both sides.
 * Kept free of Apps Script and DOM types: both programs include it.
 */
import type {
  ApplyResult,
  CheckResult,
  LiveMetricsStatus,
  Refusal,
  RestoreHeaderResult,
  ScheduleStatus,
  SchemaPlan,
  UnionMetricsReport,
} from './payloads';

export interface ClearCacheResult {
  /** Managed sheets whose cached column map was dropped. */
  readonly cleared: string[];
}

export interface SidebarApi {
  previewSchema(): SchemaPlan;
  // With `{ sidebar: true }` a stale, blocked or busy apply answers a Refusal instead of throwing.
  applySchema(fingerprint: string, options: { sidebar: true }): ApplyResult | Refusal;
  clearColumnCache(): ClearCacheResult;
  // Hourly check panel. The menu form of install/remove/checkNow (no argument) shows an alert and
  // returns null; the sidebar passes `{ sidebar: true }` and gets JSON back.
  getScheduleStatus(): ScheduleStatus;
  installScheduledCheck(options: { sidebar: true }): ScheduleStatus | null;
  removeScheduledCheck(options: { sidebar: true }): ScheduleStatus | null;
  setAutoRepair(enabled: boolean): ScheduleStatus;
  setMetricsInCheck(enabled: boolean): ScheduleStatus;
  checkSchemaNow(options: { sidebar: true }): CheckResult | null;
  // Union metrics panel. Without `{ confirmed: true }` the recompute is the menu's dialog flow (null).
  previewUnionMetrics(options: { sidebar: true }): UnionMetricsReport | Refusal;
  recomputeUnionMetrics(options: { confirmed: true }): UnionMetricsReport | Refusal | null;
  // Live metrics toggle. Without `{ sidebar: true }` these are the menu's alert flow (null).
  getLiveMetricsStatus(): LiveMetricsStatus;
  keepMetricsLive(options: { sidebar: true }): LiveMetricsStatus | null;
  stopLiveMetrics(options: { sidebar: true }): LiveMetricsStatus | null;
  // Column identity: restore the declared header of a renamed managed column (writes one cell).
  // Without `confirmed: true` (the menu) it asks first and returns null.
  restoreColumnHeader(options: { sheet: string; identity: string; confirmed: true }): RestoreHeaderResult | null;
}

export type SidebarFunction = keyof SidebarApi;

/** Whether a function's contract allows a null result (the menu form answers null). */
type MayReturnNull<K extends SidebarFunction> = null extends ReturnType<SidebarApi[K]> ? true : false;

/**
 * The contract's nullable results, as data: the type makes this table agree with SidebarApi (a
 * result that becomes nullable, or stops being, fails compilation until the entry is changed).
 * From the sidebar, a null answer means the server took its menu form: the client rejects it.
 */
export const MAY_RETURN_NULL: { readonly [K in SidebarFunction]: MayReturnNull<K> } = {
  previewSchema: false,
  applySchema: false,
  clearColumnCache: false,
  getScheduleStatus: false,
  installScheduledCheck: true,
  removeScheduledCheck: true,
  setAutoRepair: false,
  setMetricsInCheck: false,
  checkSchemaNow: true,
  previewUnionMetrics: false,
  recomputeUnionMetrics: true,
  getLiveMetricsStatus: false,
  keepMetricsLive: true,
  stopLiveMetrics: true,
  restoreColumnHeader: true,
};

/** Compile-time check used by the server: `T` (the public module) must implement the contract. */
export type ImplementsSidebarApi<T extends SidebarApi> = T;
