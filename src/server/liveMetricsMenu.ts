/** Menu flows "Keep metrics live" and "Stop live metrics": the sidebar's service, reported in an alert. */
import type { LiveMetricsStatus } from '../shared/payloads';
import { withAlerts } from './checkMenu';
import type { ExecutionContext } from './context';
import { turnOffLiveMetrics, turnOnLiveMetrics } from './liveMetricsToggle';

export function liveFromMenu(context: ExecutionContext, on: boolean): LiveMetricsStatus | null {
  return withAlerts(context, () => {
    const status = on ? turnOnLiveMetrics(context) : turnOffLiveMetrics(context);
    return { value: status, title: `Sheet Schema: live metrics ${on ? 'on' : 'off'}`, text: status.message };
  });
}
