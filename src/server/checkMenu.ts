/**
 * Menu flows of the scheduled check: "Check schema now", "Turn on hourly check", "Turn off hourly
 * check". Each runs the same service as the sidebar and reports in an alert, in the operator's
 * language (the sidebar's sentences), times in the spreadsheet's time zone.
 */
import type { CheckResult, ScheduleStatus } from '../shared/payloads';
import { checkDialog, checkTitle, dialogTitle, scheduleLines } from '../shared/wording/dialogs';
import type { LocalText } from '../shared/wording/localText';
import { runCheck } from './checkService';
import type { ExecutionContext } from './context';
import { dialogText, tellError } from './menu';
import { installSchedule, removeSchedule, scheduleStatus } from './scheduleService';

export function checkNowFromMenu(context: ExecutionContext): CheckResult | null {
  return withAlerts(context, (x) => {
    const result = runCheck(context, 'manual');
    const schedule = scheduleStatus(context);
    return {
      value: result,
      title: checkTitle(x, result),
      text: `${checkDialog(x, result)}\n\n${scheduleLines(x, schedule)}`,
    };
  });
}

export function installFromMenu(context: ExecutionContext): ScheduleStatus | null {
  return withAlerts(context, (x) => {
    const { status, firstCheck } = installSchedule(context);
    const lines = [scheduleLines(x, status), x.t('dialog.scheduleRuns')];
    if (firstCheck !== null) lines.push('', x.t('dialog.firstCheck'), checkDialog(x, firstCheck));
    const title = dialogTitle(x, `${x.t('schedule.title')} ${x.t('schedule.on')}`);
    return { value: status, title, text: lines.join('\n') };
  });
}

export function removeFromMenu(context: ExecutionContext): ScheduleStatus | null {
  return withAlerts(context, (x) => {
    const { status, removed } = removeSchedule(context);
    const text = x.t(removed === 0 ? 'schedule.unchangedOff' : 'schedule.turnedOff');
    return { value: status, title: dialogTitle(x, `${x.t('schedule.title')} ${x.t('schedule.off')}`), text };
  });
}

/** Runs `work` and shows its alert; a failure is shown in the operator's words and gives null. */
export function withAlerts<T>(
  context: ExecutionContext,
  work: (x: LocalText) => { value: T; title: string; text: string },
): T | null {
  const ui = context.services.spreadsheetApp.getUi();
  const x = dialogText(context);
  try {
    const { value, title, text } = work(x);
    ui.alert(title, text, ui.ButtonSet.OK);
    return value;
  } catch (error) {
    tellError(ui, x, error);
    return null;
  }
}
