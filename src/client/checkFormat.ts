/** The check's and metrics' view models live in src/shared/wording (the menu dialogs use them too). */
export * from '../shared/wording/check';
export { findingDetail } from '../shared/wording/findingDetail';
