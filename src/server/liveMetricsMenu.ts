/** Menu flows "Keep metrics live" and "Stop live metrics": the sidebar's service, reported in an alert. */
import type { LiveMetricsStatus } from '../shared/payloads';
import { dialogTitle, liveStatusSentences } from '../shared/wording/dialogs';
import { withAlerts } from './checkMenu';
import type { ExecutionContext } from './context';
import { turnOffLiveMetrics, turnOnLiveMetrics } from './liveMetricsToggle';

export function liveFromMenu(context: ExecutionContext, on: boolean): LiveMetricsStatus | null {
  return withAlerts(context, (x) => {
    const status = on ? turnOnLiveMetrics(context) : turnOffLiveMetrics(context);
    const title = dialogTitle(x, x.t(on ? 'dialog.liveOn' : 'dialog.liveOff'));
    return { value: status, title, text: liveStatusSentences(x, status).join('\n') };
  });
}
