/** Runs one hostile case and checks how it ended (see scripts/reliability/hostileCases.ts). */
import type { Emulator } from '../../emulator';
import { captureWorkbook, cellAt, changedCells, type SheetState, sameInfo } from '../../emulator/harness/capture';
import { writeCalls } from '../../emulator/harness/execution';
import { V4_HEADERS } from '../../emulator/harness/workbooks';
import { HISTORY_SHEET } from '../../src/adapters/history';
import { errorMessage, SchemaError } from '../../src/core/errors';
import { applySchema, previewSchema } from '../../src/server/schemaService';
import { previewUnionMetrics, recomputeUnionMetrics } from '../../src/server/unionMetricsService';
import type { SchemaPlan } from '../../src/shared/payloads';
import type { HostileCase, HostileExpectation, HostileResult } from './hostileCases';
import { execution, OPERACIONES } from './workbooks';

function attempt<T>(fn: () => T): { value: T | null; error: unknown } {
  try {
    return { value: fn(), error: null };
  } catch (error) {
    return { value: null, error };
  }
}

function writeCount(emu: Emulator): number {
  return Object.values(writeCalls(emu)).reduce((sum, n) => sum + n, 0);
}

export function runHostileCase(hostile: HostileCase): HostileResult {
  const emu = hostile.build();
  const before = captureWorkbook(emu).sheets;
  emu.stats.reset();
  return hostile.action === 'metrics' ? runMetrics(hostile, emu, before) : runSchema(hostile, emu, before);
}

function runSchema(hostile: HostileCase, emu: Emulator, before: ReadonlyMap<string, SheetState>): HostileResult {
  const preview = attempt(() => previewSchema(execution(emu)));
  if (preview.value === null) {
    return {
      name: hostile.name,
      expected: hostile.expect.kind,
      outcome: 'error',
      message: errorMessage(preview.error),
      clear: false,
      unexpectedWrites: writeCount(emu),
      problems: [`the dry run threw: ${errorMessage(preview.error)}`],
    };
  }
  const plan: SchemaPlan = preview.value;
  // Applied even when blocked: a hostile client can send any fingerprint it saw.
  const applied = attempt(() => applySchema(execution(emu), plan.fingerprint));
  const run: SchemaRun = {
    emu,
    plan,
    before,
    after: captureWorkbook(emu).sheets,
    outcome:
      applied.value?.status ??
      (applied.error instanceof SchemaError && applied.error.code === 'BLOCKED' ? 'blocked' : 'error'),
    message: applied.value?.summary ?? errorMessage(applied.error),
  };
  return hostile.expect.kind === 'applied' ? appliedResult(hostile, run) : unchangedResult(hostile, run);
}

/** A hostile case's dry run and apply, as the checks below read them. */
interface SchemaRun {
  readonly emu: Emulator;
  readonly plan: SchemaPlan;
  readonly before: ReadonlyMap<string, SheetState>;
  readonly after: ReadonlyMap<string, SheetState>;
  readonly outcome: HostileResult['outcome'];
  readonly message: string;
}

/** 'blocked' and 'up-to-date' cases: zero writes, every sheet as it was, and (blocked) a finding that names its place. */
function unchangedResult(hostile: HostileCase, run: SchemaRun): HostileResult {
  const { emu, before, after, outcome, message } = run;
  const expect = hostile.expect;
  const problems: string[] = [];
  const writes = writeCount(emu);
  let changed = 0;
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name);
    const b = after.get(name);
    changed += changedCells(a, b).length + (sameInfo(a, b) ? 0 : 1);
  }
  if (writes > 0) problems.push(`${writes} write call(s): ${JSON.stringify(writeCalls(emu))}`);
  if (changed > 0) problems.push(`${changed} cell(s) or sheet properties changed`);
  if (outcome !== expect.kind) problems.push(`expected ${expect.kind}, got ${outcome}: ${message}`);
  let clear = outcome === expect.kind;
  if (expect.kind === 'blocked') {
    problems.push(...blockedProblems(expect, run));
    clear = problems.length === 0;
  }
  return {
    name: hostile.name,
    expected: expect.kind,
    outcome,
    message,
    clear,
    unexpectedWrites: writes + changed,
    problems,
  };
}

function blockedProblems(expect: Extract<HostileExpectation, { kind: 'blocked' }>, run: SchemaRun): string[] {
  const { plan, message } = run;
  const found = plan.sheets.flatMap((s) => s.errors).find((e) => e.code === expect.code);
  if (plan.status !== 'blocked' || found === undefined)
    return [
      `the dry run did not block with ${expect.code} (status ${plan.status}, errors ${plan.sheets.flatMap((s) => s.errors.map((e) => e.code)).join(', ') || 'none'})`,
    ];
  const problems: string[] = [];
  if (expect.location !== undefined && found.location !== expect.location)
    problems.push(`finding location ${JSON.stringify(found.location)}, expected ${JSON.stringify(expect.location)}`);
  const missing = expect.mentions.filter((text) => !found.message.includes(text));
  if (missing.length > 0)
    problems.push(`the message does not name ${missing.map((m) => JSON.stringify(m)).join(', ')}: ${found.message}`);
  if (!message.includes(found.message)) problems.push(`the apply's refusal does not carry the finding: ${message}`);
  if (message.length > 2_000) problems.push(`the message is ${message.length} characters long`);
  return problems;
}

/** 'applied' cases: the expected warnings, a correct apply, the case's own checks, then nothing left to do. */
function appliedResult(hostile: HostileCase, run: SchemaRun): HostileResult {
  const { emu, plan, before, after, outcome, message } = run;
  const expect = hostile.expect as Extract<HostileExpectation, { kind: 'applied' }>;
  const problems: string[] = [];
  if (outcome !== 'applied') problems.push(`expected applied, got ${outcome}: ${message}`);
  for (const warning of expect.warnings ?? []) {
    if (!plan.sheets.some((s) => s.warnings.some((w) => w.code === warning.code && w.location === warning.location))) {
      problems.push(
        `no ${warning.code} warning at ${warning.location} (warnings: ${plan.sheets.flatMap((s) => s.warnings.map((w) => `${w.code}@${w.location}`)).join(', ') || 'none'})`,
      );
    }
  }
  const unexpected = appliedCorrectly(emu, plan, before, after, problems);
  problems.push(...(expect.check?.(emu) ?? []));
  if (outcome === 'applied' && previewSchema(execution(emu)).status !== 'up-to-date')
    problems.push('a further dry run still finds changes');
  return {
    name: hostile.name,
    expected: 'applied',
    outcome,
    message,
    clear: problems.length === 0,
    unexpectedWrites: unexpected,
    problems,
  };
}

/**
 * The result of an apply, cell by cell: managed columns (by their header after the apply) may
 * change only in blank cells of the header and data rows; nothing else may change anywhere.
 * Returns the number of cells changed where nothing should have.
 */
function appliedCorrectly(
  emu: Emulator,
  plan: SchemaPlan,
  before: ReadonlyMap<string, SheetState>,
  after: ReadonlyMap<string, SheetState>,
  problems: string[],
): number {
  let unexpected = 0;
  for (const [name, state] of after) {
    if (name === HISTORY_SHEET || name === OPERACIONES) continue;
    unexpected += changedCells(before.get(name), state).length;
  }
  const old = before.get(OPERACIONES)!;
  const now = after.get(OPERACIONES)!;
  const header = now.values[0] ?? [];
  const managed = new Set<number>();
  header.forEach((value, c) => {
    if (V4_HEADERS.includes(String(value))) managed.add(c);
  });
  for (const name of V4_HEADERS) {
    const count = header.filter((value) => value === name).length;
    if (count !== 1) problems.push(`header ${name} appears ${count} times`);
  }
  const dataRows = old.values.length - 1;
  if (now.values.length - 1 !== dataRows)
    problems.push(`the sheet has ${now.values.length - 1} data rows, had ${dataRows}`);
  for (const [r, c] of changedCells(old, now)) {
    const wasBlank = cellAt(old.values, r, c) === '' && cellAt(old.formulas, r, c) === '';
    if (!managed.has(c) || !wasBlank || r > dataRows) unexpected++;
  }
  let unfilled = 0;
  for (const c of managed) {
    for (let r = 1; r <= dataRows; r++)
      if (cellAt(now.values, r, c) === '' && cellAt(now.formulas, r, c) === '') unfilled++;
  }
  if (unfilled > 0) problems.push(`${unfilled} data cell(s) of the managed columns are still blank`);
  if (unexpected > 0) problems.push(`${unexpected} cell(s) changed outside the blank cells of the managed columns`);
  const added = plan.sheets.flatMap((s) => s.columnsToAdd);
  const info = emu.sheetInfo(OPERACIONES)!;
  if (added.length > 0 && info.maxRows > 1) {
    const formats = emu.readNumberFormats(OPERACIONES, `${added[0].letter}2:${added[added.length - 1].letter}2`)[0];
    const expected = added.map((c) => c.numberFormat);
    if (JSON.stringify(formats) !== JSON.stringify(expected))
      problems.push(`new columns formatted ${JSON.stringify(formats)}, expected ${JSON.stringify(expected)}`);
  }
  return unexpected;
}

function runMetrics(hostile: HostileCase, emu: Emulator, before: ReadonlyMap<string, SheetState>): HostileResult {
  const expect = hostile.expect;
  const problems: string[] = [];
  const preview = attempt(() => previewUnionMetrics(execution(emu)));
  const write = attempt(() => recomputeUnionMetrics(execution(emu)));
  const error = write.error ?? preview.error;
  const message = errorMessage(error);
  const after = captureWorkbook(emu).sheets;
  const writes = writeCount(emu);
  let changed = 0;
  for (const [name, state] of after) changed += changedCells(before.get(name), state).length;
  if (writes > 0) problems.push(`${writes} write call(s): ${JSON.stringify(writeCalls(emu))}`);
  if (changed > 0) problems.push(`${changed} cell(s) changed`);
  if (expect.kind !== 'blocked') throw new Error(`${hostile.name}: metrics cases expect a refusal`);
  for (const [label, result] of [
    ['previewUnionMetrics', preview],
    ['recomputeUnionMetrics', write],
  ] as const) {
    const e = result.error;
    if (!(e instanceof SchemaError) || e.code !== expect.code)
      problems.push(`${label}: expected SchemaError ${expect.code}, got ${e === null ? 'success' : errorMessage(e)}`);
    const missing = expect.mentions.filter((text) => !errorMessage(e).includes(text));
    if (e !== null && missing.length > 0)
      problems.push(`${label}: the message does not name ${missing.join(', ')}: ${errorMessage(e)}`);
  }
  const outcome = error instanceof SchemaError ? 'blocked' : 'error';
  return {
    name: hostile.name,
    expected: 'blocked',
    outcome,
    message,
    clear: problems.length === 0,
    unexpectedWrites: writes + changed,
    problems,
  };
}
