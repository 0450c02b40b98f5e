/** The one constructor of a `Finding`, shared by the planner, drift detection and the services. */

import type { Finding } from '../shared/payloads';

export function finding(code: string, message: string, location: string | null = null): Finding {
  return { code, message, location };
}
