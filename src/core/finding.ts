/** The one constructor of a `Finding`, shared by the planner, drift detection and the services. */

import type { Finding } from '../shared/payloads';

export type FindingParams = Readonly<Record<string, string | number>>;

/** `params`: the structured values the sentence is built from, so a catalogue can word it in any language. */
export function finding(
  code: string,
  message: string,
  location: string | null = null,
  params?: FindingParams,
): Finding {
  return params === undefined ? { code, message, location } : { code, message, location, params };
}
