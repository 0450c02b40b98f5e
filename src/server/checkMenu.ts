/**
 * Menu flows of the scheduled check: "Check schema now", "Turn on hourly check", "Turn off hourly
 * check". Each runs the same service as the sidebar and reports in an alert.
 */
import { describeCheck } from '../core/checkResult';
import { errorMessage } from '../core/errors';
import type { CheckResult, ScheduleStatus } from '../shared/payloads';
import { installSchedule, removeSchedule, runCheck, scheduleStatus } from './checkService';
import type { ExecutionContext } from './context';

const TITLE = 'Sheet Schema';

const STATUS_TITLE: Readonly<Record<CheckResult['status'], string>> = {
  ok: 'schema OK',
  drift: 'the schema drifted',
  pending: 'migrations pending',
  error: 'the check found errors',
};

export function checkNowFromMenu(context: ExecutionContext): CheckResult | null {
  return withAlerts(context, () => {
    const result = runCheck(context, 'manual');
    const schedule = scheduleStatus(context);
    return {
      value: result,
      title: `${TITLE}: ${STATUS_TITLE[result.status]}`,
      text: `${describeCheck(result)}\n\n${schedule.message}`,
    };
  });
}

export function installFromMenu(context: ExecutionContext): ScheduleStatus | null {
  return withAlerts(context, () => {
    const { status, firstCheck } = installSchedule(context);
    const first = firstCheck === null ? '' : `\n\nFirst check:\n${describeCheck(firstCheck)}`;
    return {
      value: status,
      title: `${TITLE}: hourly check on`,
      text: `${status.message} The check runs about once an hour, even when the spreadsheet is closed.${first}`,
    };
  });
}

export function removeFromMenu(context: ExecutionContext): ScheduleStatus | null {
  return withAlerts(context, () => {
    const { status, removed } = removeSchedule(context);
    const text = removed === 0 ? `Your hourly check was already off. ${status.message}` : status.message;
    return { value: status, title: `${TITLE}: hourly check off`, text };
  });
}

export function withAlerts<T>(
  context: ExecutionContext,
  work: () => { value: T; title: string; text: string },
): T | null {
  const ui = context.services.spreadsheetApp.getUi();
  try {
    const { value, title, text } = work();
    ui.alert(title, text, ui.ButtonSet.OK);
    return value;
  } catch (error) {
    ui.alert(TITLE, errorMessage(error), ui.ButtonSet.OK);
    return null;
  }
}
