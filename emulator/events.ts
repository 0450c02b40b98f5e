import { dateParts, isoWeek } from './dates';
import type { Runtime } from './runtime';
import { UserImpl } from './session';
import type { SpreadsheetModel } from './spreadsheet/model';
import { spreadsheetFacade } from './spreadsheet/spreadsheet';
import type { TriggerRecord } from './types';

/** Apps Script-shaped event object for a trigger (see developers.google.com/apps-script/guides/triggers/events). */
export function buildTriggerEvent(
  rt: Runtime,
  book: SpreadsheetModel,
  r: TriggerRecord,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = { authMode: 'FULL', triggerUid: r.uniqueId };
  if (r.eventType === 'CLOCK')
    return { ...base, ...clockFields(rt.now, r.schedule?.timezone ?? rt.timeZone), ...extra };
  const common = { ...base, source: spreadsheetFacade(book), user: new UserImpl(rt, r.user) };
  switch (r.eventType) {
    case 'ON_CHANGE':
      return { ...common, changeType: 'EDIT', ...extra };
    case 'ON_EDIT':
      // value/oldValue only for single-cell edits: the caller passes them when they exist.
      return { ...common, range: undefined, ...extra };
    case 'ON_FORM_SUBMIT':
      return { ...base, namedValues: {}, values: [], range: undefined, ...extra };
    default:
      return { ...common, ...extra };
  }
}

function clockFields(now: number, timezone: string): Record<string, unknown> {
  const p = dateParts(now, timezone);
  return {
    year: p.year,
    month: p.month,
    'day-of-month': p.day,
    'day-of-week': p.weekday,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    timezone,
    'week-of-year': isoWeek(p.year, p.month, p.day),
  };
}
