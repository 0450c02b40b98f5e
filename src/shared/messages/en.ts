/**
 * English texts of every operator-facing message. The keys are the catalogue's type (MessageKey);
 * es.ts must define the same keys with the same {placeholders} (a test checks both).
 * A value is a string or a { one, other } pair chosen by the `n` parameter.
 */
export const en = {
  'app.name': 'Sheet Schema',
  'action.extend': 'Extend schema',
  'action.extendNow': 'Extend schema now',
  'action.cancel': 'Cancel',
  'action.refresh': 'Refresh',
  'action.clearCache': 'Clear column cache',
  'action.clearCacheHelp':
    'Only if the add-on seems to look in the wrong column: it forgets where columns are and finds them again.',
  'menu.preview': 'Preview changes…',
  'menu.checkNow': 'Check schema now',
  'menu.recompute': 'Recompute union metrics',
  'menu.scheduleOn': 'Turn on hourly check',
  'menu.scheduleOff': 'Turn off hourly check',
  'menu.liveOn': 'Keep metrics live',
  'menu.liveOff': 'Stop live metrics',
  'menu.restoreHeaders': 'Restore renamed headers…',
  'menu.extendFirst': 'Extend the schema first?',
  'menu.done': 'done',
  'menu.cancelled': 'Cancelled: nothing was written.',
  'dialog.moreFindings': {
    one: '…and 1 more finding (the sidebar lists them all).',
    other: '…and {n} more findings (the sidebar lists them all).',
  },
  'dialog.scheduleRuns': 'The check runs about once an hour, even when the spreadsheet is closed.',
  'dialog.firstCheck': 'First check:',
  'dialog.liveOn': 'Live metrics on',
  'dialog.liveOff': 'Live metrics off',
  'dialog.tooManyTriggers':
    'Your Google account already has every trigger it may have for this add-on (the limit counts every spreadsheet you use it in). Nothing was changed: turn the hourly check or live metrics off in a spreadsheet that no longer needs them (or delete unused ones at https://script.google.com/home/triggers), then try again.',
  'toast.cacheCleared': 'Column cache cleared for {sheets}.',
  'status.loading': 'Loading the preview…',
  'status.loadFailed': 'The preview could not be loaded.',
  'status.review': 'Read the summary, then confirm or cancel.',
  'status.cancelled': 'Cancelled: nothing was written.',
  'status.applying': 'Extending the schema… keep this sidebar open.',
  'status.clearing': 'Clearing the column cache…',
  'status.reloading': 'The check changed the sheet: reloading the preview…',
  'plan.upToDate': 'Up to date: nothing to add, nothing to fill.',
  'plan.blocked': {
    one: 'Nothing was changed: 1 problem to fix first.',
    other: 'Nothing was changed: {n} problems to fix first.',
  },
  'plan.interrupted':
    'An earlier "Extend schema" was stopped before it finished: extending now records it. No cell of the sheet changes.',
  'plan.nothingElse': 'Nothing else changes. Nothing has been written yet.',
  'plan.addColumns': {
    one: '{sheet}: add 1 column {span} to the right of column {after}',
    other: '{sheet}: add {n} columns {span} to the right of column {after}',
  },
  'plan.addColumnsFirst': { one: '{sheet}: add 1 column {span}', other: '{sheet}: add {n} columns {span}' },
  'plan.putDefault': { one: ' and put {value} in 1 row', other: ' and put {value} in {n} rows' },
  'plan.fillBlanks': {
    one: '{sheet}: put {value} in 1 empty cell of {header} (column {letter})',
    other: '{sheet}: put {value} in {n} empty cells of {header} (column {letter})',
  },
  'plan.noteWarning': 'Note: {text}',
  // Source sheets (Uniones) and folded identity tags (issue 10, source-sheet tags).
  'finding.SOURCE_SHEET_MISSING':
    'Sheet {sheet} is missing: the union metrics read it and cannot be computed until it is back. Extending the schema is not affected.',
  'finding.SOURCE_COLUMN_MISSING':
    'Column {identity} is missing from {sheet}: the union metrics read it and cannot be computed until it is back. Extending the schema is not affected.',
  'plan.tagSummary': {
    one: 'Label 1 column so it is found even if renamed: {columns}',
    other: 'Label {n} columns so they are found even if renamed: {columns}',
  },
  'plan.tagItem': '{letter} · {identity} — {how}',
  'source.role': 'Read by the union metrics: only labels are added, no cell is written.',
  'sheet.label': 'Sheet {sheet}',
  'sheet.blocked': 'problem',
  'sheet.upToDate': 'up to date',
  'sheet.changes': { one: '1 change', other: '{n} changes' },
  'sheet.dataRows': { one: '1 data row', other: '{n} data rows' },
  'strip.label': 'Columns of {sheet}: {caption}',
  'strip.existing': { one: '{span}: 1 existing column', other: '{span}: {n} existing columns' },
  'strip.new': { one: '{span}: 1 new', other: '{span}: {n} new' },
  'strip.columnExisting': 'Column {letter}: existing',
  'strip.columnFill': {
    one: 'Column {letter} ({header}): 1 empty cell to fill',
    other: 'Column {letter} ({header}): {n} empty cells to fill',
  },
  'strip.columnNew': 'Column {letter}: new column {header}',
  'strip.newMiddle': { one: 'Columns {span}: 1 new column', other: 'Columns {span}: {n} new columns' },
  'strip.none': 'No columns.',
  'table.caption': 'Changes to {sheet}',
  'table.column': 'Col.',
  'table.header': 'Header',
  'table.type': 'Type',
  'table.default': 'Value',
  'table.cells': 'Cells',
  'table.rows': { one: '1 row', other: '{n} rows' },
  'table.blanks': { one: '1 empty', other: '{n} empty' },
  'table.tagCreated': 'on the new column',
  'table.tagAdopted': 'adopted: existing column',
  'type.integer': 'whole number',
  'type.decimal': 'decimal',
  'type.text': 'text',
  'type.date': 'date',
  'type.fill': 'fill',
  'value.blank': '(empty)',
  'value.true': 'TRUE',
  'value.false': 'FALSE',
  'findings.problems': 'Problems to fix',
  'findings.notes': 'Notes',
  'findings.info': 'Info',
  'details.summary': 'Details',
  'details.cost':
    'Technical cost: {calls} Spreadsheet calls, {read} cells read, {sent} values sent, {cells} cells that change.',
  'details.preview': 'Preview of {name} · {time} · plan {fingerprint}',
  'details.migrations': 'Migrations of {sheet}',
  'details.serverText': 'Server message: {text}',
  'migration.pending': 'to do',
  'migration.partial': 'partly done',
  'migration.applied': 'done',
  'migration.appliedAt': 'done {time}',
  'migration.outside': 'present (added by hand)',
  'history.title': 'Last changes',
  'history.none': 'Nothing extended from Sheet Schema yet.',
  'history.applied': 'done',
  'history.line': {
    one: '{sheet}: {what} — 1 cell, {user}, {outcome}',
    other: '{sheet}: {what} — {n} cells, {user}, {outcome}',
  },
  'result.done': {
    one: 'Done: 1 column added{where}, {cells} cells written in {duration}.',
    other: 'Done: {n} columns added{where}, {cells} cells written in {duration}.',
  },
  'result.upToDate': 'Nothing to do: everything was already up to date.',
  'result.staleByOther': 'Already done by {user} at {time}: the sheet is up to date and nothing more was written.',
  'result.stale':
    'The sheet changed since this preview, so nothing was written. Read the new preview and extend again.',
  'result.staleTitle': 'The sheet changed',
  'result.busy': 'Someone else is changing the schema right now. Nothing was written: try again in a minute.',
  'result.failed': 'Extending the schema failed',
  'result.blocked': {
    one: 'Nothing was changed: 1 problem to fix first.',
    other: 'Nothing was changed: {n} problems to fix first.',
  },
  'result.cacheCleared': 'Column cache cleared for {sheets}.',
  'result.cacheNone': 'No column cache to clear.',
  'result.cacheFailed': 'Could not clear the column cache',
  'duration.underSecond': '< 1 s',
  'duration.seconds': '{s} s',
  'confirm.title': 'Extend schema with these changes?',
  'schedule.title': 'Hourly check',
  'schedule.on': 'on',
  'schedule.off': 'off',
  'schedule.loading': 'Loading the hourly check…',
  'schedule.loadFailed': 'The hourly check could not be loaded. Refresh tries again.',
  'schedule.loadFailedTitle': 'Could not load the hourly check',
  'schedule.turnOn': 'Turn on hourly check',
  'schedule.turnOff': 'Turn off hourly check',
  'schedule.checkNow': 'Check now',
  'schedule.messageOn': 'The hourly check is on since {time}.',
  'schedule.messageOff': 'The hourly check is off.',
  'schedule.nextCheck': 'Next check: after {time} (approximate).',
  'schedule.triggers':
    'Triggers: {used} of {limit} in use (yours, for this add-on in all your spreadsheets; the check needs 2).',
  'schedule.turningOn': 'Turning the hourly check on…',
  'schedule.turningOff': 'Turning the hourly check off…',
  'schedule.turnedOn': 'Hourly check turned on.',
  'schedule.turnedOff': 'Hourly check turned off.',
  'schedule.toggleFailedOn': 'Could not turn the hourly check on',
  'schedule.toggleFailedOff': 'Could not turn the hourly check off',
  'schedule.unchangedOn': 'Nothing changed: the hourly check is still on.',
  'schedule.unchangedOff': 'Nothing changed: the hourly check is still off.',
  'schedule.checking': 'Checking the schema…',
  'schedule.checkFailed': 'The check could not run',
  'schedule.refreshFailed': 'Could not refresh the hourly check',
  'setting.autoRepair': 'Auto-repair',
  'setting.autoRepairHelp':
    'When a check (hourly or Check now) finds only missing columns, it adds them and fills their values. It never deletes or renames a column.',
  'setting.metrics': 'Recompute union metrics in each check',
  'setting.metricsHelp':
    'After each check (hourly or Check now), the five union metric columns are recomputed from Uniones.',
  'setting.turning': 'Saving…',
  'setting.isOn': '{label}: on.',
  'setting.isOff': '{label}: off.',
  'setting.failed': 'Could not save {label}',
  'setting.unchanged': 'Nothing changed.',
  'autoRepair.confirmTitle': 'Turn on auto-repair?',
  'autoRepair.confirmText':
    'Changes are waiting. With auto-repair on, the next check (hourly or Check now) makes them without asking:',
  'autoRepair.confirm': 'Turn on auto-repair',
  'check.last': 'Last check',
  'check.none': 'No check has run yet for this spreadsheet.',
  'check.ok': 'OK',
  'check.pending': 'changes waiting',
  'check.drift': 'sheet changed',
  'check.error': 'problem',
  'check.metaSchedule': '{time} · hourly run',
  'check.metaManual': '{time} · run by hand',
  'check.headline': 'Check finished: {status}.',
  'check.wrote': {
    one: 'The check extended the schema (auto-repair): 1 column added{where}.',
    other: 'The check extended the schema (auto-repair): {n} columns added{where}.',
  },
  'check.sheetLine': '{sheet}: {status}.',
  'check.omitted': {
    one: '1 more finding left out (the stored result is kept small).',
    other: '{n} more findings left out (the stored result is kept small).',
  },
  'check.metricsApplied': {
    one: 'Union metrics: 1 spool row updated.',
    other: 'Union metrics: {n} spool rows updated.',
  },
  'check.metricsUnchanged': 'Union metrics: already correct, nothing written.',
  'check.metricsSkipped': 'Union metrics: not recomputed, the check found problems.',
  'check.metricsFailed': 'Union metrics: could not be recomputed.',
  'check.findingsIn': 'Findings in {sheet}',
  'repair.skipped': 'Auto-repair: not done, the sheet has other changes to look at first.',
  'repair.applied': 'Auto-repair: done.',
  'repair.failed': 'Auto-repair: failed.',
  'repair.notNeeded': 'Auto-repair: nothing to do.',
  'live.turnOn': 'Keep metrics live',
  'live.turnOff': 'Stop live metrics',
  'live.on': 'Live: a date typed in Uniones updates its spool within seconds, for every editor.',
  'live.off': 'Off: the metrics change only when you recompute them (or in each check, if ticked above).',
  'live.pending': { one: '1 spool is waiting to be updated.', other: '{n} spools are waiting to be updated.' },
  'live.stale': 'Rows were added, deleted or sorted: the next update recomputes every spool.',
  'live.failedOn': 'Could not turn live metrics on',
  'live.failedOff': 'Could not turn live metrics off',
  'live.failedStatus': 'Could not read the live metrics status',
  'rules.kind.validation': 'data validation',
  'rules.kind.protection': 'warning-only protection',
  'rules.kind.note': 'header note',
  'rules.kind.numberFormat': 'number format',
  'rules.rejects': 'rejects',
  'rules.warns': 'warns',
  'rules.lineNew': 'Set {kind}{detail} on {letter} ({header})',
  'rules.lineRestore': 'Restore {kind}{detail} on {letter} ({header})',
  'rules.spanNew': 'Set {kind}{detail} on {columns}',
  'rules.spanRestore': 'Restore {kind}{detail} on {columns}',
  'rules.listLabel': 'Sheet rules set in {sheet}',
  'rules.restore': 'Restore',
  'rules.restoring': 'Restoring validation, protections, notes and formats…',
  'rules.restored': 'Restored.',
  'rules.restoreFailed': 'Could not restore',
  'rules.nothingRestored': 'Nothing was restored.',
  'rules.otherChanges':
    'Restore only puts back validation, protections, notes and formats; this spreadsheet also has other changes pending or blocked. Review them in the preview and use "Extend schema" there.',
  'metrics.title': 'Union metrics',
  'metrics.hint':
    'Fills the five v4.0 columns (unions and inches per spool) from Uniones. Preview first: nothing is written until you confirm.',
  'metrics.preview': 'Preview union metrics',
  'metrics.recompute': 'Recompute union metrics',
  'metrics.confirmTitle': 'Recompute union metrics?',
  'metrics.confirm': 'Confirm recompute',
  'metrics.previewing': 'Previewing the union metrics…',
  'metrics.recomputing': 'Recomputing the union metrics… keep this sidebar open.',
  'metrics.correct': 'Union metrics are already correct for all {rows} spool rows: nothing to recompute.',
  'metrics.wouldChange': '{changed} of {rows} spool rows would change. Nothing has been written yet.',
  'metrics.applied': 'Union metrics written: {changed} spool rows updated.',
  'metrics.unchanged': 'Union metrics were already correct: nothing was written.',
  'metrics.facts': '{sheet}: {rows} spool rows · {unionSheet}: {unions} unions · {duration}',
  'metrics.needsSchema': 'First extend the schema: the five union metric columns are not in the sheet yet.',
  'metrics.needsSchemaHint': 'Press "Extend schema" below, then preview the union metrics again.',
  'metrics.failed': 'The union metrics could not be computed',
  'metrics.recomputeFailed': 'The recompute failed',
  'metrics.stale': 'The schema changed: preview the union metrics again.',
  'metrics.orphans': {
    one: '1 union in {unionSheet} names a spool that is not in {sheet}: {keys}. It is not counted.',
    other: '{n} unions in {unionSheet} name a spool that is not in {sheet}: {keys}. They are not counted.',
  },
  'metrics.badDiameters': {
    one: '1 union in {unionSheet} has an empty or non-numeric DN_UNION (counted as 0 inches): rows {rows}.',
    other: '{n} unions in {unionSheet} have an empty or non-numeric DN_UNION (counted as 0 inches): rows {rows}.',
  },
  'metrics.blankKeys': {
    one: '1 union in {unionSheet} has no spool: row {rows}. It is not counted.',
    other: '{n} unions in {unionSheet} have no spool: rows {rows}. They are not counted.',
  },
  'metrics.duplicates': {
    one: '1 spool appears on more than one row of {sheet}: {keys}.',
    other: '{n} spools appear on more than one row of {sheet}: {keys}.',
  },
  'metrics.showAll': { one: 'Show the 1 listed', other: 'Show all {n} listed' },
  'error.generic': 'Something went wrong',
  'finding.MISSING_SHEET': 'Sheet {sheet} is missing.',
  'finding.EMPTY_SHEET': 'Sheet {sheet} is empty: it has no header row.',
  'finding.NO_HEADER_ROW': 'Sheet {sheet} has no header row at {cell}.',
  'finding.CHECK_FAILED': 'Sheet {sheet} could not be read.',
  'finding.COLUMN_DELETED': 'A column of the schema was deleted from {sheet} ({cell}).',
  'finding.COLUMN_RENAMED': 'A column header of the schema was renamed in {sheet} ({cell}).',
  'finding.COLUMN_MOVED': 'A column of the schema moved in {sheet} (now at {cell}).',
  'finding.DUPLICATE_HEADER': 'The header at {cell} repeats another header of {sheet}.',
  'finding.NEAR_DUPLICATE_HEADER': 'The header at {cell} looks almost like another header of {sheet}.',
  'finding.PENDING_MIGRATION': 'Columns are missing in {sheet}: "Extend schema" adds them.',
  'finding.INTERRUPTED_APPLY':
    'An earlier "Extend schema" on {sheet} was stopped before it finished: extending again completes it.',
  'finding.UNKNOWN_COLUMNS': 'Columns outside the schema in {sheet} ({cell}): they are left as they are.',
  'finding.BLANK_DEFAULTS':
    'New columns of {sheet} have empty cells where their starting value should be ({cell}): an "Extend schema" was stopped part-way. Extending again completes it.',
  'finding.HISTORY_DAMAGED':
    'The change history sheet _schema_history was damaged by hand; the next "Extend schema" writes its header back (nothing in it is deleted).',
  'finding.VALIDATION_REMOVED':
    'The data validation of a schema column in {sheet} was removed ({cell}); Restore puts it back.',
  'finding.VALIDATION_CHANGED':
    'The data validation of a schema column in {sheet} was changed ({cell}); Restore puts it back.',
  'finding.PROTECTION_REMOVED':
    'The warning-only protection of a computed column in {sheet} was removed ({cell}); Restore puts it back.',
  'finding.NUMBER_FORMAT_CHANGED':
    'The number format of a schema column in {sheet} was changed ({cell}); Restore puts it back.',
  'finding.NOTE_CHANGED': 'The header note of a schema column in {sheet} was changed ({cell}); Restore puts it back.',
  'finding.VALIDATION_REJECTS_FILL':
    'A data validation rule at {cell} would reject the starting value the change writes there.',
  'finding.DATA_QUALITY': "Values at {cell} do not fit their column's type.",
  'finding.BLANK_HEADER': 'Empty header at {cell} between named columns: it is left as it is.',
  'finding.CELL_LIMIT': 'The new columns would take the spreadsheet over the Google Sheets cell limit.',
  'finding.COLUMN_LIMIT': 'The new columns would take {sheet} over the Google Sheets column limit.',
  'finding.DATA_WITHOUT_HEADER': 'There is data without a header at {cell}: the new columns would go over it.',
  'finding.ERROR_HEADER': 'The header at {cell} shows an error.',
  'finding.HIDDEN_SHEET': 'Sheet {sheet} is hidden; it is still kept up to date.',
  'finding.NON_TEXT_HEADER': 'The header at {cell} is not text.',
  'finding.PROTECTED_RANGE': 'Cells the change needs are protected ({cell}).',
  'finding.PROTECTED_WARNING': 'Cells the change needs show a protection warning ({cell}); the change goes ahead.',
  'finding.COLUMN_LOOKS_RENAMED':
    'Column {identity} of the schema is missing from {sheet} and {cell} reads "{header}" where it should stand: it looks renamed. No second {identity} column is added: rename {cell} back to {identity} (or move that column away), then preview again.',
  'finding.DUPLICATE_IDENTITY':
    'Column {identity} of the schema is on more than one column of {sheet} ({cells}), for example a copy. Nothing is written: delete or rename the copy, then preview again.',
  'finding.IDENTITY_MISMATCH':
    '{cell} belongs to column {identity} of the schema but its header is "{header}", another column of the schema: headers were moved without their columns. Nothing is written until each header stands over its own column again.',
  'finding.METADATA_LIMIT':
    'Tagging the columns of {sheet} needs {needed} characters of developer metadata, but the sheet already uses {used} of the {limit} Google allows. Remove unused developer metadata from {sheet}, then preview again.',
  'finding.COLUMNS_UNTAGGED':
    'Columns of the schema in {sheet} ({cells}) have no identity tag yet: the next "Extend schema" tags them, so they are still found if their headers are renamed.',
  'restore.button': 'Restore header',
  'restore.confirmButton': 'Confirm: write "{identity}" into {cell}',
  'restore.confirmHint': 'Click again to restore {cell}; only that cell is written.',
  'restore.done': 'Header restored: {cell} reads "{identity}" again.',
  'restore.failed': 'The header was not restored',
  'restore.none': 'No column of the schema is renamed: there is no header to restore.',
  'restore.title': 'restore header?',
  'restore.question':
    '{cell} reads "{header}" but is column {identity} of the schema (renamed). Write "{identity}" into {cell} now? Only that cell is written.',
  // Details of each finding (src/shared/wording/findingDetail.ts): what exactly is wrong and what
  // to do, from the finding's params. A key with a suffix is a variant the params select.
  'detail.MISSING_SHEET':
    'Sheet {sheet} was not found. Sheet Schema works on a sheet with exactly that name: rename the sheet back to "{sheet}" or restore it (File › Version history), then preview again.',
  'detail.SOURCE_SHEET_MISSING':
    'Sheet {sheet} was not found. The union metrics read it: rename the sheet back to "{sheet}" or restore it (File › Version history), then recompute. Extending the schema is not affected.',
  'detail.SOURCE_COLUMN_MISSING':
    'Column "{identity}" was not found in row 1 of {sheet}, by its identity tag or by its header. The union metrics read it: put the header "{identity}" back over its column (or restore the column from File › Version history), then recompute. Extending the schema is not affected.',
  'detail.EMPTY_SHEET':
    'Sheet {sheet} is empty: row {row} must hold its headers before columns can be added. Put the headers back in row {row}.',
  'detail.NO_HEADER_ROW':
    'Sheet {sheet} has data but row {row} holds no headers. Put the headers back in row {row}, then preview again.',
  'detail.CHECK_FAILED': 'Row {row} of {sheet} could not be read. The next check tries again.',
  'detail.COLUMN_DELETED':
    'Column "{identity}" of the schema is gone from {sheet} (its identity tag went with it). Restore it (File › Version history) if its data matters; "Extend schema" would add it again with its starting values.',
  'detail.COLUMN_DELETED.seen':
    'Column "{identity}" of the schema is gone from {sheet}: it was in column {column} at the last check. Restore it (File › Version history) if its data matters; "Extend schema" would add it again with its starting values.',
  'detail.COLUMN_RENAMED':
    '{cell} reads "{header}" but is column "{identity}" of the schema (renamed). Sheet Schema still finds it by its identity tag and keeps writing there; "Restore header" writes "{identity}" back, or leave it.',
  'detail.COLUMN_RENAMED.lastCheck':
    '{cell} reads "{header}" where column "{identity}" of the schema was at the last check: it looks renamed. Rename it back to exactly "{identity}": Sheet Schema finds columns by name, and "Extend schema" would otherwise add "{identity}" again.',
  'detail.COLUMN_MOVED':
    'Column "{identity}" of the schema moved from {from} to {to} ({cell}) since the last check. Sheet Schema finds columns by name, so it still works; formulas or scripts that use column positions may not.',
  'detail.DUPLICATE_HEADER':
    'Header "{header}" appears {count} times in {sheet} ({cells}). Columns are found by name, so this is ambiguous and blocks changes: rename or remove all but one.',
  'detail.NEAR_DUPLICATE_HEADER':
    '{cell} reads "{header}", which looks like column "{identity}" of the schema but is not exactly it (upper or lower case, spaces, invisible or look-alike characters). Rename it to exactly "{identity}" or remove it, so the column is not added twice.',
  'detail.PENDING_MIGRATION': {
    one: 'Migration {migration} is not done on {sheet}: 1 column to add ({columns}) at {span}. Press "Extend schema", or turn on auto-repair.',
    other:
      'Migration {migration} is not done on {sheet}: {n} columns to add ({columns}) at {span}. Press "Extend schema", or turn on auto-repair.',
  },
  'detail.INTERRUPTED_APPLY':
    'An "Extend schema" started {time} by {user} was stopped before it finished (for example by Apps Script\'s 6-minute limit). Extending again completes it: only missing columns and empty cells are written, and the history records it.',
  'detail.UNKNOWN_COLUMNS':
    '{cell} "{header}" is new since the last check and not in the schema. Only for your information: Sheet Schema leaves it alone.',
  'detail.UNKNOWN_COLUMNS.more': {
    one: '1 more new column outside the schema, in {span}. Only for your information: Sheet Schema leaves it alone.',
    other:
      '{n} more new columns outside the schema, in {span}. Only for your information: Sheet Schema leaves them alone.',
  },
  'detail.BLANK_DEFAULTS':
    '{sheet} has empty cells in row {row} under {columns}, where the starting values belong: an "Extend schema" may have been stopped part-way (for example another user\'s, cut off by Apps Script\'s 6-minute limit). Extending again fills only the empty cells.',
  'detail.HISTORY_DAMAGED':
    'The change history sheet {sheet} was changed by hand. Sheet Schema keeps working from the rows it can read; the next "Extend schema" writes its header back (nothing in it is deleted).',
  'detail.HISTORY_DAMAGED.overwritten':
    'Row 1 of the change history sheet {sheet} holds something other than its header. Sheet Schema keeps working from the rows it can read; the next "Extend schema" inserts a row above and writes the header there (nothing is deleted).',
  'detail.HISTORY_DAMAGED.empty':
    'The header row (row 1) of the change history sheet {sheet} is empty. Sheet Schema keeps working from the rows it can read; the next "Extend schema" writes the header back (nothing is deleted).',
  'detail.HISTORY_DAMAGED.changed':
    'The header row (row 1) of the change history sheet {sheet} was changed by hand. Sheet Schema keeps working from the rows it can read; the next "Extend schema" writes the header back (nothing is deleted).',
  'detail.HISTORY_DAMAGED.columns':
    'The change history sheet {sheet} has {have} of its {width} columns (some were deleted). Sheet Schema keeps working from the rows it can read; the next "Extend schema" adds the missing columns and writes the header back (nothing is deleted).',
  'detail.VALIDATION_REMOVED':
    'The data validation of column {column} ({header}) in {sheet} is missing. "Restore" (or "Extend schema") puts it back; no value is changed.',
  'detail.VALIDATION_CHANGED':
    'The data validation of column {column} ({header}) in {sheet} was changed. "Restore" (or "Extend schema") puts it back; no value is changed.',
  'detail.PROTECTION_REMOVED':
    'The warning-only protection of column {column} ({header}) in {sheet} is missing. "Restore" (or "Extend schema") puts it back; no value is changed.',
  'detail.PROTECTION_REMOVED.changed':
    'The warning-only protection of column {column} ({header}) in {sheet} was changed. "Restore" (or "Extend schema") puts it back; no value is changed.',
  'detail.NUMBER_FORMAT_CHANGED':
    'The number format of column {column} ({header}) in {sheet} was changed. "Restore" (or "Extend schema") puts it back; no value is changed.',
  'detail.NUMBER_FORMAT_CHANGED.missing':
    'The number format of column {column} ({header}) in {sheet} is missing. "Restore" (or "Extend schema") puts it back; no value is changed.',
  'detail.NOTE_CHANGED':
    'The header note of column {column} ({header}) in {sheet} was changed. "Restore" (or "Extend schema") puts it back; no value is changed.',
  'detail.NOTE_CHANGED.missing':
    'The header note of column {column} ({header}) in {sheet} is missing. "Restore" (or "Extend schema") puts it back; no value is changed.',
  'detail.VALIDATION_REJECTS_FILL':
    '{cell} has a data validation rule that rejects input, and extending the schema would write {value} into it (an empty cell of {header}). Nothing was written. Remove or relax that rule (Data › Data validation), or fill the empty cells yourself, then preview again.',
  'detail.DATA_QUALITY':
    "{count} values in {header} of {sheet} are not numbers, for example {examples}. Extending the schema leaves them as they are; the column's validation marks them.",
  'detail.DATA_QUALITY.numberMin':
    "{count} values in {header} of {sheet} are not numbers of 0 or more, for example {examples}. Extending the schema leaves them as they are; the column's validation marks them.",
  'detail.DATA_QUALITY.integer':
    "{count} values in {header} of {sheet} are not whole numbers, for example {examples}. Extending the schema leaves them as they are; the column's validation marks them.",
  'detail.DATA_QUALITY.integerMin':
    "{count} values in {header} of {sheet} are not whole numbers of 0 or more, for example {examples}. Extending the schema leaves them as they are; the column's validation marks them.",
  'detail.BLANK_HEADER':
    '{cell} is an empty header between named columns. Sheet Schema leaves it as it is (it never fills header gaps); that column cannot be found by name.',
  'detail.CELL_LIMIT':
    'Adding {columns} columns to {sheet} ({rows} rows) would bring the spreadsheet to {cells} cells, over the Google Sheets limit of {limit}. Delete unused rows, columns or sheets first.',
  'detail.CELL_LIMIT.history':
    'Adding {columns} columns to {sheet} ({rows} rows) would bring the spreadsheet to {cells} cells (including {created} cells of the history sheet the first change creates), over the Google Sheets limit of {limit}. Delete unused rows, columns or sheets first.',
  'detail.COLUMN_LIMIT':
    '{sheet} would need {columns} columns, over the Google Sheets limit of {limit} (column ZZZ). Delete unused columns first.',
  'detail.DATA_WITHOUT_HEADER':
    '{cell} holds data, but column {column} has no header in row {row}. New columns go right of the last header ({last}), where they would land on this data. Give that column a header or move the data, then preview again.',
  'detail.ERROR_HEADER':
    '{cell} shows the error {error} instead of a header name; that column cannot be found by name.',
  'detail.HIDDEN_SHEET': 'Sheet {sheet} is hidden; Sheet Schema still keeps it up to date.',
  'detail.NON_TEXT_HEADER': '{cell} holds {value}, not a header name; that column cannot be found by name.',
  'detail.PROTECTED_RANGE':
    '{range} is protected{label} and you may not edit it, but the new columns must be written there. Ask the owner to add you as an editor of that protection (or to extend the schema), then try again.',
  'detail.PROTECTED_RANGE.sheet':
    'Sheet {sheet} is protected{label} and you may not edit it, but the new columns must be written there. Ask the owner to add you as an editor of that protection (or to extend the schema), then try again.',
  'detail.PROTECTED_WARNING': '{range} is protected with a warning only{label}; extending the schema writes there.',
  'detail.PROTECTED_WARNING.sheet':
    'Sheet {sheet} is protected with a warning only{label}; extending the schema writes there.',
  'detail.COLUMN_LOOKS_RENAMED':
    'Column "{identity}" of the schema is missing and {cell} reads "{header}" where it should stand: it looks like "{identity}" renamed. Sheet Schema will not add a second "{identity}" column: rename {cell} back to "{identity}" (or, if it is another column, move it away), then preview again.',
  'detail.DUPLICATE_IDENTITY':
    'Column "{identity}" of the schema is on more than one column ({cells}), for example a copied column. Sheet Schema will not guess which holds the data: delete or rename the copy (and remove its data if it is one), then preview again.',
  'detail.IDENTITY_MISMATCH':
    '{cell} is tagged as column "{identity}" of the schema but its header is "{header}", another column of the schema: the headers were moved without their columns. Nothing is written until each header stands over its own column again.',
  'detail.METADATA_LIMIT':
    'Tagging the columns of {sheet} ({columns}) needs {needed} characters of developer metadata, but the sheet already uses {used} of the {limit} Google allows per sheet (other add-ons or scripts). Remove unused developer metadata from {sheet}, then preview again.',
  'detail.COLUMNS_UNTAGGED':
    'Columns of the schema in {sheet} ({cells}) carry no identity tag yet; the next "Extend schema" tags them, so they are still found if their headers are renamed. Only for your information.',
  // Failures, by code (src/shared/wording/failure.ts); the cause is the platform's own text.
  'failure.cause': 'Cause, as Google reports it: {cause}',
  'failure.applyUndone':
    'Extending the schema failed while writing {sheet} and was undone: the sheet is as it was. Try again in a minute.',
  'failure.applyIncomplete':
    'Extending the schema failed while writing {sheet} and could not be fully undone ({rollbackCause}). Press "Extend schema" again to complete it: it only adds what is missing.',
  'failure.metricsPutBack':
    'Writing the union metrics to {sheet} failed; the columns {columns} were put back as they were, so nothing changed. Try again in a minute.',
  'failure.metricsNotPutBack':
    'Writing the union metrics to {sheet} failed, and the columns {columns} could not all be put back ({putBackCause}): some may hold the new values. Recompute the union metrics again: it rewrites all of them.',
  'failure.blockedNow': {
    one: 'Nothing was changed: the sheet changed since the preview and now has 1 problem to fix first. Open "Preview changes…" to see it.',
    other:
      'Nothing was changed: the sheet changed since the preview and now has {n} problems to fix first. Open "Preview changes…" to see them.',
  },
  'failure.sheetNotFound':
    'Sheet {sheet} was not found: nothing was written. Rename it back or restore it, then try again.',
  'failure.nothingToRestore':
    'No column of {sheet} carries the identity of "{identity}" under another header: there is nothing to restore, and nothing was written. Preview again to see the sheet as it is now.',
  'failure.nothingToRestore.alreadyReads':
    '{cell} already reads "{identity}": there is nothing to restore, and nothing was written.',
  'failure.nothingToRestore.wouldDuplicate':
    'Another column of {sheet} ({column}) already reads "{identity}": restoring would make two, so nothing was written.',
  'failure.tooManyTriggers':
    'Your Google account already has the maximum of {limit} triggers for this add-on (the limit counts every spreadsheet you use it in). Nothing was changed: turn the hourly check or live metrics off in a spreadsheet that no longer needs them (or delete unused ones at https://script.google.com/home/triggers), then try again.',
  // History outcomes as the sidebar lists them.
  'history.rolledBack': 'failed, undone',
  'history.incomplete': 'failed, incomplete',
  // Texts written into _schema_history's Description and "Columns added" cells, in the sheet's language.
  'historyCell.filled': {
    one: 'filled 1 blank cell in {letter} ({header})',
    other: 'filled {n} blank cells in {letter} ({header})',
  },
  'historyCell.tagged': 'tagged existing {letter} ({identity})',
  'historyCell.rulesSet': 'set {kinds} on {letters}',
  'historyCell.rulesRestored': 'restored {kinds} on {letters}',
  'historyCell.kind.validation': 'validation',
  'historyCell.kind.note': 'note',
  'historyCell.kind.protection': 'protection',
  'historyCell.kind.numberFormat': 'number format',
  'historyCell.completes': 'completes the apply stopped at {time}',
  'historyCell.headerRestored': 'Header of managed column "{identity}" restored',
  'history.headerRestored': 'header restored',
  // Sidebar calls that fail in the sidebar itself (src/client/rpc.ts).
  'rpc.noResult':
    'The add-on answered without a result, so there is nothing to show. Close the sidebar and open it again from the menu to see the sheet as it is.',
  'rpc.missingFunction':
    'This sidebar is older than the add-on: it asked for an action the add-on no longer has ({name}). Close the sidebar and open it again from the menu.',
  'rpc.noMessage':
    'The add-on stopped without saying why. Try again in a minute; if it keeps failing, reload the spreadsheet.',
  // Refusals an operator meets only in unusual cases (a stale sidebar, a sheet changed meanwhile), by code.
  'failure.badArgument':
    'The add-on could not read this request (the sidebar may be older than the add-on), so nothing was changed. Close the sidebar and open it again from the menu, then try again. (For the developer: {detail})',
  'failure.noSpreadsheet':
    'No spreadsheet is open here, so nothing was done. Open the spreadsheet and use Sheet Schema from its Extensions menu.',
  'failure.notManaged':
    '"{identity}" is not a column Sheet Schema manages in {sheet}, so nothing was written. Preview again to see the sheet as it is now.',
  'failure.columnNotFound':
    'Column {column} was not found in row {row} of {sheet}, so nothing was written. Put the column back (or give it its name again), then try again.',
  'failure.columnNotFound.duplicate':
    'Column {column} appears more than once in row {row} of {sheet} (as a copy or under a look-alike name), so nothing was written. Rename or remove all but one, then try again.',
  'failure.columnNotFound.moved':
    'The headers of {sheet} changed while they were being read, so nothing was written. Try again.',
} as const;
