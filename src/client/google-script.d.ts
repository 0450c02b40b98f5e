/** The client half of HtmlService that the sidebar uses (Apps Script injects it into the page). */
import type { ScriptRunner } from './rpc';

declare global {
  const google: {
    readonly script: {
      readonly run: ScriptRunner;
      readonly host: { close(): void };
    };
  };
}
