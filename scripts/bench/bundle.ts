/**
 * Cross-check: the built bundle (dist/Code.js, what clasp pushes) run through google.script.run
 * semantics on the emulator must cost what the in-process run costs. Only counts are compared:
 * the bundle is reloaded for every call, so its wall time says nothing about our code.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scriptRun } from '../../emulator/bundle';
import { v3Workbook } from '../../emulator/harness/workbooks';
import type { SchemaPlan } from '../../src/shared/payloads';
import { type Cost, measure, sameCost } from './measure';

export type BundleCheck =
  | {
      readonly ran: true;
      readonly spools: number;
      readonly preview: Cost;
      readonly apply: Cost;
      readonly matchesInProcess: boolean;
      readonly distBuiltAt: string;
    }
  | { readonly ran: false; readonly reason: string };

export function crossCheckBundle(root: string, spools: number, inProcess: { preview: Cost; apply: Cost }): BundleCheck {
  const dist = join(root, 'dist');
  const code = join(dist, 'Code.js');
  if (!existsSync(code))
    return { ran: false, reason: 'dist/Code.js not built (run `npm run build` first to include this cross-check)' };
  try {
    const emu = v3Workbook({ spools, withHistory: true, alone: true }).emu;
    const preview = measure(emu, () => scriptRun(emu, dist, 'previewSchema') as SchemaPlan);
    const apply = measure(emu, () => scriptRun(emu, dist, 'applySchema', preview.result.fingerprint));
    const matches = sameCost(preview.cost, inProcess.preview) && sameCost(apply.cost, inProcess.apply);
    return {
      ran: true,
      spools,
      preview: preview.cost,
      apply: apply.cost,
      matchesInProcess: matches,
      distBuiltAt: statSync(code).mtime.toISOString(),
    };
  } catch (error) {
    return {
      ran: false,
      reason: `the bundle could not be run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
