/**
 * The sidebar's RPC contract: the server functions the sidebar calls through google.script.run,
 * with JSON-only argument and result types. src/server/main.ts is checked against it at compile
 * time (`ImplementsSidebarApi`), and the client's typed wrapper (src/client/rpc.ts) is derived
 * from it — so a misspelt server name or a changed signature fails type checking on both sides.
 * Kept free of Apps Script and DOM types: both programs include it.
 */
import type { ApplyResult, SchemaPlan } from './payloads';

export interface ClearCacheResult {
  /** Managed sheets whose cached column map was dropped. */
  readonly cleared: string[];
}

export interface SidebarApi {
  previewSchema(): SchemaPlan;
  applySchema(fingerprint: string): ApplyResult;
  clearColumnCache(): ClearCacheResult;
}

export type SidebarFunction = keyof SidebarApi;

/** Compile-time check used by the server: `T` (the public module) must implement the contract. */
export type ImplementsSidebarApi<T extends SidebarApi> = T;
