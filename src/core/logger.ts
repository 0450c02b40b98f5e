/**
 * Where the server reports what it absorbs (a failed toast, a lock it could not release, a check
 * that could not open its spreadsheet). Injected with the services: production passes `console`
 * (Apps Script sends it to Cloud Logging / the executions page), tests pass a logger they read.
 */
export interface Logger {
  warn(message: string): void;
  info(message: string): void;
}
