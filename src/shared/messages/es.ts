/** Spanish texts: the same keys and {placeholders} as en.ts (the type and a test enforce it). */
import type { Catalogue } from './catalogue';

export const es: Catalogue = {
  'app.name': 'Sheet Schema',
  'action.extend': 'Ampliar esquema',
  'action.extendNow': 'Ampliar esquema ahora',
  'action.cancel': 'Cancelar',
  'action.refresh': 'Actualizar',
  'action.clearCache': 'Vaciar la caché de columnas',
  'action.clearCacheHelp':
    'Solo si el complemento parece mirar la columna equivocada: olvida dónde están las columnas y las vuelve a buscar.',
  'menu.preview': 'Vista previa de los cambios…',
  'menu.checkNow': 'Revisar el esquema ahora',
  'menu.recompute': 'Recalcular métricas de uniones',
  'menu.scheduleOn': 'Activar la revisión cada hora',
  'menu.scheduleOff': 'Desactivar la revisión cada hora',
  'menu.liveOn': 'Mantener las métricas al día',
  'menu.liveOff': 'Dejar de actualizar las métricas',
  'menu.restoreHeaders': 'Restaurar encabezados renombrados…',
  'menu.extendFirst': '¿Ampliar primero el esquema?',
  'menu.done': 'hecho',
  'menu.cancelled': 'Cancelado: no se ha escrito nada.',
  'dialog.moreFindings': {
    one: '…y 1 hallazgo más (la barra lateral los muestra todos).',
    other: '…y {n} hallazgos más (la barra lateral los muestra todos).',
  },
  'dialog.scheduleRuns': 'La revisión se hace más o menos una vez por hora, aunque la hoja de cálculo esté cerrada.',
  'dialog.firstCheck': 'Primera revisión:',
  'dialog.liveOn': 'Métricas al día activadas',
  'dialog.liveOff': 'Métricas al día desactivadas',
  'dialog.tooManyTriggers':
    'Su cuenta de Google ya tiene todos los activadores que se le permiten para este complemento (el límite cuenta cada hoja de cálculo en la que lo usa). No se ha cambiado nada: desactive la revisión cada hora o las métricas al día en una hoja de cálculo que ya no las necesite (o borre los que no use en https://script.google.com/home/triggers) y vuelva a intentarlo.',
  'toast.cacheCleared': 'Caché de columnas vaciada para {sheets}.',
  'status.loading': 'Cargando la vista previa…',
  'status.loadFailed': 'No se pudo cargar la vista previa.',
  'status.review': 'Lea el resumen y confirme o cancele.',
  'status.cancelled': 'Cancelado: no se ha escrito nada.',
  'status.applying': 'Ampliando el esquema… mantenga este panel abierto.',
  'status.clearing': 'Vaciando la caché de columnas…',
  'status.reloading': 'La revisión cambió la hoja: recargando la vista previa…',
  'plan.upToDate': 'Al día: no hay nada que añadir ni que rellenar.',
  'plan.blocked': {
    one: 'No se ha cambiado nada: antes hay que corregir 1 problema.',
    other: 'No se ha cambiado nada: antes hay que corregir {n} problemas.',
  },
  'plan.interrupted':
    'Una «Ampliar esquema» anterior se detuvo antes de terminar: ampliar ahora la registra. No cambia ninguna celda de la hoja.',
  'plan.nothingElse': 'Nada más cambia. Todavía no se ha escrito nada.',
  'plan.addColumns': {
    one: '{sheet}: añadir 1 columna {span} a la derecha de la columna {after}',
    other: '{sheet}: añadir {n} columnas {span} a la derecha de la columna {after}',
  },
  'plan.addColumnsFirst': { one: '{sheet}: añadir 1 columna {span}', other: '{sheet}: añadir {n} columnas {span}' },
  'plan.putDefault': { one: ' y poner {value} en 1 fila', other: ' y poner {value} en {n} filas' },
  'plan.fillBlanks': {
    one: '{sheet}: poner {value} en 1 celda vacía de {header} (columna {letter})',
    other: '{sheet}: poner {value} en {n} celdas vacías de {header} (columna {letter})',
  },
  'plan.noteWarning': 'Nota: {text}',
  // Source sheets (Uniones) and folded identity tags (issue 10, source-sheet tags).
  'finding.SOURCE_SHEET_MISSING':
    'Falta la hoja {sheet}: las métricas de uniones la leen y no se pueden calcular hasta que vuelva. Extender el esquema no se ve afectado.',
  'finding.SOURCE_COLUMN_MISSING':
    'Falta la columna {identity} en {sheet}: las métricas de uniones la leen y no se pueden calcular hasta que vuelva. Extender el esquema no se ve afectado.',
  'plan.tagSummary': {
    one: 'Etiquetar 1 columna para encontrarla aunque la renombren: {columns}',
    other: 'Etiquetar {n} columnas para encontrarlas aunque las renombren: {columns}',
  },
  'plan.tagItem': '{letter} · {identity} — {how}',
  'source.role': 'La leen las métricas de uniones: solo se añaden etiquetas, no se escribe ninguna celda.',
  'sheet.label': 'Hoja {sheet}',
  'sheet.blocked': 'problema',
  'sheet.upToDate': 'al día',
  'sheet.changes': { one: '1 cambio', other: '{n} cambios' },
  'sheet.dataRows': { one: '1 fila de datos', other: '{n} filas de datos' },
  'strip.label': 'Columnas de {sheet}: {caption}',
  'strip.existing': { one: '{span}: 1 columna existente', other: '{span}: {n} columnas existentes' },
  'strip.new': { one: '{span}: 1 nueva', other: '{span}: {n} nuevas' },
  'strip.columnExisting': 'Columna {letter}: existente',
  'strip.columnFill': {
    one: 'Columna {letter} ({header}): 1 celda vacía que rellenar',
    other: 'Columna {letter} ({header}): {n} celdas vacías que rellenar',
  },
  'strip.columnNew': 'Columna {letter}: columna nueva {header}',
  'strip.newMiddle': { one: 'Columnas {span}: 1 columna nueva', other: 'Columnas {span}: {n} columnas nuevas' },
  'strip.none': 'Sin columnas.',
  'table.caption': 'Cambios en {sheet}',
  'table.column': 'Col.',
  'table.header': 'Encabezado',
  'table.type': 'Tipo',
  'table.default': 'Valor',
  'table.cells': 'Celdas',
  'table.rows': { one: '1 fila', other: '{n} filas' },
  'table.blanks': { one: '1 vacía', other: '{n} vacías' },
  'table.tagCreated': 'en la columna nueva',
  'table.tagAdopted': 'adoptada: columna existente',
  'type.integer': 'número entero',
  'type.decimal': 'decimal',
  'type.text': 'texto',
  'type.date': 'fecha',
  'type.fill': 'rellenar',
  'value.blank': '(vacío)',
  'value.true': 'VERDADERO',
  'value.false': 'FALSO',
  'findings.problems': 'Problemas que corregir',
  'findings.notes': 'Notas',
  'findings.info': 'Info',
  'details.summary': 'Detalles',
  'details.cost':
    'Coste técnico: {calls} llamadas a Spreadsheet, {read} celdas leídas, {sent} valores enviados, {cells} celdas que cambian.',
  'details.preview': 'Vista previa de {name} · {time} · plan {fingerprint}',
  'details.migrations': 'Migraciones de {sheet}',
  'details.serverText': 'Mensaje del servidor: {text}',
  'migration.pending': 'pendiente',
  'migration.partial': 'hecha en parte',
  'migration.applied': 'hecha',
  'migration.appliedAt': 'hecha {time}',
  'migration.outside': 'presente (añadida a mano)',
  'history.title': 'Últimos cambios',
  'history.none': 'Todavía no se ha ampliado nada desde Sheet Schema.',
  'history.applied': 'hecho',
  'history.line': {
    one: '{sheet}: {what} — 1 celda, {user}, {outcome}',
    other: '{sheet}: {what} — {n} celdas, {user}, {outcome}',
  },
  'result.done': {
    one: 'Hecho: 1 columna añadida{where}, {cells} celdas escritas en {duration}.',
    other: 'Hecho: {n} columnas añadidas{where}, {cells} celdas escritas en {duration}.',
  },
  'result.upToDate': 'Nada que hacer: todo estaba ya al día.',
  'result.staleByOther': 'Ya lo hizo {user} el {time}: la hoja está al día y no se ha escrito nada más.',
  'result.stale':
    'La hoja cambió desde esta vista previa, así que no se ha escrito nada. Lea la nueva vista previa y amplíe de nuevo.',
  'result.staleTitle': 'La hoja ha cambiado',
  'result.busy': 'Otra persona está cambiando el esquema ahora mismo. No se ha escrito nada: inténtelo en un minuto.',
  'result.failed': 'No se pudo ampliar el esquema',
  'result.blocked': {
    one: 'No se ha cambiado nada: antes hay que corregir 1 problema.',
    other: 'No se ha cambiado nada: antes hay que corregir {n} problemas.',
  },
  'result.cacheCleared': 'Caché de columnas vaciada para {sheets}.',
  'result.cacheNone': 'No había caché de columnas que vaciar.',
  'result.cacheFailed': 'No se pudo vaciar la caché de columnas',
  'duration.underSecond': '< 1 s',
  'duration.seconds': '{s} s',
  'confirm.title': '¿Ampliar el esquema con estos cambios?',
  'schedule.title': 'Revisión cada hora',
  'schedule.on': 'activada',
  'schedule.off': 'desactivada',
  'schedule.loading': 'Cargando la revisión cada hora…',
  'schedule.loadFailed': 'No se pudo cargar la revisión cada hora. Actualizar lo vuelve a intentar.',
  'schedule.loadFailedTitle': 'No se pudo cargar la revisión cada hora',
  'schedule.turnOn': 'Activar la revisión cada hora',
  'schedule.turnOff': 'Desactivar la revisión cada hora',
  'schedule.checkNow': 'Revisar ahora',
  'schedule.messageOn': 'La revisión cada hora está activada desde el {time}.',
  'schedule.messageOff': 'La revisión cada hora está desactivada.',
  'schedule.nextCheck': 'Próxima revisión: después de las {time} (aproximado).',
  'schedule.triggers':
    'Activadores: {used} de {limit} en uso (suyos, de este complemento en todas sus hojas; la revisión necesita 2).',
  'schedule.turningOn': 'Activando la revisión cada hora…',
  'schedule.turningOff': 'Desactivando la revisión cada hora…',
  'schedule.turnedOn': 'Revisión cada hora activada.',
  'schedule.turnedOff': 'Revisión cada hora desactivada.',
  'schedule.toggleFailedOn': 'No se pudo activar la revisión cada hora',
  'schedule.toggleFailedOff': 'No se pudo desactivar la revisión cada hora',
  'schedule.unchangedOn': 'No ha cambiado nada: la revisión cada hora sigue activada.',
  'schedule.unchangedOff': 'No ha cambiado nada: la revisión cada hora sigue desactivada.',
  'schedule.checking': 'Revisando el esquema…',
  'schedule.checkFailed': 'No se pudo hacer la revisión',
  'schedule.refreshFailed': 'No se pudo actualizar la revisión cada hora',
  'setting.autoRepair': 'Reparación automática',
  'setting.autoRepairHelp':
    'Cuando una revisión (cada hora o Revisar ahora) solo encuentra columnas que faltan, las añade y rellena sus valores. Nunca borra ni renombra una columna.',
  'setting.metrics': 'Recalcular las métricas de uniones en cada revisión',
  'setting.metricsHelp':
    'Después de cada revisión (cada hora o Revisar ahora) se recalculan desde Uniones las cinco columnas de métricas.',
  'setting.turning': 'Guardando…',
  'setting.isOn': '{label}: activada.',
  'setting.isOff': '{label}: desactivada.',
  'setting.failed': 'No se pudo guardar {label}',
  'setting.unchanged': 'No ha cambiado nada.',
  'autoRepair.confirmTitle': '¿Activar la reparación automática?',
  'autoRepair.confirmText':
    'Hay cambios pendientes. Con la reparación automática, la próxima revisión (cada hora o Revisar ahora) los hará sin preguntar:',
  'autoRepair.confirm': 'Activar la reparación automática',
  'check.last': 'Última revisión',
  'check.none': 'Todavía no se ha revisado esta hoja de cálculo.',
  'check.ok': 'correcto',
  'check.pending': 'cambios pendientes',
  'check.drift': 'la hoja cambió',
  'check.error': 'problema',
  'check.metaSchedule': '{time} · revisión automática',
  'check.metaManual': '{time} · revisión a mano',
  'check.headline': 'Revisión terminada: {status}.',
  'check.wrote': {
    one: 'La revisión amplió el esquema (reparación automática): 1 columna añadida{where}.',
    other: 'La revisión amplió el esquema (reparación automática): {n} columnas añadidas{where}.',
  },
  'check.sheetLine': '{sheet}: {status}.',
  'check.omitted': {
    one: 'Se omite 1 hallazgo más (el resultado guardado se mantiene pequeño).',
    other: 'Se omiten {n} hallazgos más (el resultado guardado se mantiene pequeño).',
  },
  'check.metricsApplied': {
    one: 'Métricas de uniones: 1 fila de spool actualizada.',
    other: 'Métricas de uniones: {n} filas de spools actualizadas.',
  },
  'check.metricsUnchanged': 'Métricas de uniones: ya eran correctas, no se escribió nada.',
  'check.metricsSkipped': 'Métricas de uniones: no se recalcularon, la revisión encontró problemas.',
  'check.metricsFailed': 'Métricas de uniones: no se pudieron recalcular.',
  'check.findingsIn': 'Hallazgos en {sheet}',
  'repair.skipped': 'Reparación automática: no se hizo, la hoja tiene otros cambios que revisar antes.',
  'repair.applied': 'Reparación automática: hecha.',
  'repair.failed': 'Reparación automática: falló.',
  'repair.notNeeded': 'Reparación automática: nada que hacer.',
  'live.turnOn': 'Mantener las métricas al día',
  'live.turnOff': 'Dejar de actualizar las métricas',
  'live.on': 'Al día: una fecha escrita en Uniones actualiza su spool en segundos, para cualquier editor.',
  'live.off': 'Desactivado: las métricas cambian solo al recalcularlas (o en cada revisión, si está marcado arriba).',
  'live.pending': { one: '1 spool espera ser actualizado.', other: '{n} spools esperan ser actualizados.' },
  'live.stale': 'Se añadieron, borraron u ordenaron filas: la próxima actualización recalcula todos los spools.',
  'live.failedOn': 'No se pudieron activar las métricas al día',
  'live.failedOff': 'No se pudieron desactivar las métricas al día',
  'live.failedStatus': 'No se pudo leer el estado de las métricas al día',
  'rules.kind.validation': 'validación de datos',
  'rules.kind.protection': 'protección con advertencia',
  'rules.kind.note': 'nota del encabezado',
  'rules.kind.numberFormat': 'formato de número',
  'rules.rejects': 'rechaza',
  'rules.warns': 'advierte',
  'rules.lineNew': 'Poner {kind}{detail} en {letter} ({header})',
  'rules.lineRestore': 'Restaurar {kind}{detail} en {letter} ({header})',
  'rules.spanNew': 'Poner {kind}{detail} en {columns}',
  'rules.spanRestore': 'Restaurar {kind}{detail} en {columns}',
  'rules.listLabel': 'Reglas de la hoja en {sheet}',
  'rules.restore': 'Restaurar',
  'rules.restoring': 'Restaurando validaciones, protecciones, notas y formatos…',
  'rules.restored': 'Restaurado.',
  'rules.restoreFailed': 'No se pudo restaurar',
  'rules.nothingRestored': 'No se restauró nada.',
  'rules.otherChanges':
    'Restaurar solo repone validaciones, protecciones, notas y formatos; esta hoja de cálculo tiene además otros cambios pendientes o bloqueados. Revíselos en la vista previa y use "Ampliar esquema" allí.',
  'metrics.title': 'Métricas de uniones',
  'metrics.hint':
    'Rellena las cinco columnas de v4.0 (uniones y pulgadas por spool) desde Uniones. Primero la vista previa: no se escribe nada hasta que confirme.',
  'metrics.preview': 'Vista previa de las métricas',
  'metrics.recompute': 'Recalcular métricas de uniones',
  'metrics.confirmTitle': '¿Recalcular las métricas de uniones?',
  'metrics.confirm': 'Confirmar el recálculo',
  'metrics.previewing': 'Calculando la vista previa de las métricas…',
  'metrics.recomputing': 'Recalculando las métricas de uniones… mantenga este panel abierto.',
  'metrics.correct': 'Las métricas ya son correctas en las {rows} filas de spools: nada que recalcular.',
  'metrics.wouldChange': 'Cambiarían {changed} de {rows} filas de spools. Todavía no se ha escrito nada.',
  'metrics.applied': 'Métricas escritas: {changed} filas de spools actualizadas.',
  'metrics.unchanged': 'Las métricas ya eran correctas: no se ha escrito nada.',
  'metrics.facts': '{sheet}: {rows} filas de spools · {unionSheet}: {unions} uniones · {duration}',
  'metrics.needsSchema': 'Primero amplíe el esquema: las cinco columnas de métricas aún no están en la hoja.',
  'metrics.needsSchemaHint': 'Pulse «Ampliar esquema» abajo y luego vuelva a pedir la vista previa de las métricas.',
  'metrics.failed': 'No se pudieron calcular las métricas de uniones',
  'metrics.recomputeFailed': 'El recálculo falló',
  'metrics.stale': 'El esquema cambió: vuelva a pedir la vista previa de las métricas.',
  'metrics.orphans': {
    one: '1 unión de {unionSheet} nombra un spool que no está en {sheet}: {keys}. No se cuenta.',
    other: '{n} uniones de {unionSheet} nombran un spool que no está en {sheet}: {keys}. No se cuentan.',
  },
  'metrics.badDiameters': {
    one: '1 unión de {unionSheet} tiene DN_UNION vacío o no numérico (cuenta como 0 pulgadas): filas {rows}.',
    other: '{n} uniones de {unionSheet} tienen DN_UNION vacío o no numérico (cuentan como 0 pulgadas): filas {rows}.',
  },
  'metrics.blankKeys': {
    one: '1 unión de {unionSheet} no tiene spool: fila {rows}. No se cuenta.',
    other: '{n} uniones de {unionSheet} no tienen spool: filas {rows}. No se cuentan.',
  },
  'metrics.duplicates': {
    one: '1 spool aparece en más de una fila de {sheet}: {keys}.',
    other: '{n} spools aparecen en más de una fila de {sheet}: {keys}.',
  },
  'metrics.showAll': { one: 'Ver el 1 de la lista', other: 'Ver los {n} de la lista' },
  'error.generic': 'Algo salió mal',
  'finding.MISSING_SHEET': 'Falta la hoja {sheet}.',
  'finding.EMPTY_SHEET': 'La hoja {sheet} está vacía: no tiene fila de encabezados.',
  'finding.NO_HEADER_ROW': 'La hoja {sheet} no tiene fila de encabezados en {cell}.',
  'finding.CHECK_FAILED': 'No se pudo leer la hoja {sheet}.',
  'finding.COLUMN_DELETED': 'Se borró de {sheet} una columna del esquema ({cell}).',
  'finding.COLUMN_RENAMED': 'Se renombró en {sheet} el encabezado de una columna del esquema ({cell}).',
  'finding.COLUMN_MOVED': 'Una columna del esquema se movió en {sheet} (ahora en {cell}).',
  'finding.DUPLICATE_HEADER': 'El encabezado de {cell} repite otro encabezado de {sheet}.',
  'finding.NEAR_DUPLICATE_HEADER': 'El encabezado de {cell} se parece mucho a otro encabezado de {sheet}.',
  'finding.PENDING_MIGRATION': 'Faltan columnas en {sheet}: «Ampliar esquema» las añade.',
  'finding.INTERRUPTED_APPLY':
    'Una «Ampliar esquema» anterior en {sheet} se detuvo antes de terminar: ampliar de nuevo la completa.',
  'finding.UNKNOWN_COLUMNS': 'Hay columnas fuera del esquema en {sheet} ({cell}): se dejan como están.',
  'finding.BLANK_DEFAULTS':
    'Columnas nuevas de {sheet} tienen celdas vacías donde debería estar su valor inicial ({cell}): un "Ampliar esquema" se detuvo a medias. Ampliar de nuevo lo completa.',
  'finding.HISTORY_DAMAGED':
    'La hoja del historial de cambios _schema_history se dañó a mano; el próximo "Ampliar esquema" vuelve a escribir su encabezado (no se borra nada de ella).',
  'finding.VALIDATION_REMOVED':
    'Se quitó la validación de datos de una columna del esquema en {sheet} ({cell}); Restaurar la repone.',
  'finding.VALIDATION_CHANGED':
    'Se cambió la validación de datos de una columna del esquema en {sheet} ({cell}); Restaurar la repone.',
  'finding.PROTECTION_REMOVED':
    'Se quitó la protección con advertencia de una columna calculada en {sheet} ({cell}); Restaurar la repone.',
  'finding.NUMBER_FORMAT_CHANGED':
    'Se cambió el formato de número de una columna del esquema en {sheet} ({cell}); Restaurar lo repone.',
  'finding.NOTE_CHANGED':
    'Se cambió la nota del encabezado de una columna del esquema en {sheet} ({cell}); Restaurar la repone.',
  'finding.VALIDATION_REJECTS_FILL':
    'Una regla de validación en {cell} rechazaría el valor inicial que el cambio escribe allí.',
  'finding.DATA_QUALITY': 'Hay valores en {cell} que no corresponden al tipo de su columna.',
  'finding.BLANK_HEADER': 'Encabezado vacío en {cell} entre columnas con nombre: se deja como está.',
  'finding.CELL_LIMIT': 'Las columnas nuevas superarían el límite de celdas de Google Sheets.',
  'finding.COLUMN_LIMIT': 'Las columnas nuevas harían que {sheet} superase el límite de columnas de Google Sheets.',
  'finding.DATA_WITHOUT_HEADER': 'Hay datos sin encabezado en {cell}: las columnas nuevas irían encima.',
  'finding.ERROR_HEADER': 'El encabezado de {cell} muestra un error.',
  'finding.HIDDEN_SHEET': 'La hoja {sheet} está oculta; se sigue manteniendo al día.',
  'finding.NON_TEXT_HEADER': 'El encabezado de {cell} no es texto.',
  'finding.PROTECTED_RANGE': 'Las celdas que el cambio necesita están protegidas ({cell}).',
  'finding.PROTECTED_WARNING':
    'Las celdas que el cambio necesita muestran un aviso de protección ({cell}); el cambio sigue adelante.',
  'finding.COLUMN_LOOKS_RENAMED':
    'Falta en {sheet} la columna {identity} del esquema y {cell} dice «{header}» donde debería estar: parece renombrada. No se añade una segunda columna {identity}: vuelva a llamar {identity} a {cell} (o aparte esa columna) y previsualice de nuevo.',
  'finding.DUPLICATE_IDENTITY':
    'La columna {identity} del esquema está en más de una columna de {sheet} ({cells}), por ejemplo una copia. No se escribe nada: borre o renombre la copia y previsualice de nuevo.',
  'finding.IDENTITY_MISMATCH':
    '{cell} es la columna {identity} del esquema pero su encabezado es «{header}», otra columna del esquema: se movieron encabezados sin sus columnas. No se escribe nada hasta que cada encabezado vuelva a estar sobre su columna.',
  'finding.METADATA_LIMIT':
    'Etiquetar las columnas de {sheet} necesita {needed} caracteres de metadatos de desarrollador, pero la hoja ya usa {used} de los {limit} que permite Google. Quite de {sheet} los metadatos de desarrollador que no use y previsualice de nuevo.',
  'finding.COLUMNS_UNTAGGED':
    'Las columnas del esquema en {sheet} ({cells}) aún no tienen etiqueta de identidad: la próxima «Ampliar esquema» las etiqueta, para encontrarlas aunque se renombren sus encabezados.',
  'restore.button': 'Restaurar encabezado',
  'restore.confirmButton': 'Confirmar: escribir «{identity}» en {cell}',
  'restore.confirmHint': 'Haga clic otra vez para restaurar {cell}; solo se escribe esa celda.',
  'restore.done': 'Encabezado restaurado: {cell} vuelve a decir «{identity}».',
  'restore.failed': 'No se restauró el encabezado',
  'restore.none': 'Ninguna columna del esquema está renombrada: no hay encabezado que restaurar.',
  'restore.title': '¿restaurar el encabezado?',
  'restore.question':
    '{cell} dice «{header}» pero es la columna {identity} del esquema (renombrada). ¿Escribir «{identity}» en {cell} ahora? Solo se escribe esa celda.',
  // Detalles de cada hallazgo (src/shared/wording/findingDetail.ts): qué está mal exactamente y qué
  // hacer, a partir de los params del hallazgo. Una clave con sufijo es una variante que eligen los params.
  'detail.MISSING_SHEET':
    'No se encontró la hoja {sheet}. Sheet Schema trabaja con una hoja que se llame exactamente así: vuelva a llamar «{sheet}» a la hoja o restáurela (Archivo › Historial de versiones) y previsualice de nuevo.',
  'detail.SOURCE_SHEET_MISSING':
    'No se encontró la hoja {sheet}. Las métricas de uniones la leen: vuelva a llamar «{sheet}» a la hoja o restáurela (Archivo › Historial de versiones) y recalcule. Ampliar el esquema no se ve afectado.',
  'detail.SOURCE_COLUMN_MISSING':
    'No se encontró la columna «{identity}» en la fila 1 de {sheet}, ni por su etiqueta de identidad ni por su encabezado. Las métricas de uniones la leen: vuelva a poner el encabezado «{identity}» sobre su columna (o restaure la columna desde Archivo › Historial de versiones) y recalcule. Ampliar el esquema no se ve afectado.',
  'detail.EMPTY_SHEET':
    'La hoja {sheet} está vacía: la fila {row} debe tener sus encabezados antes de poder añadir columnas. Vuelva a poner los encabezados en la fila {row}.',
  'detail.NO_HEADER_ROW':
    'La hoja {sheet} tiene datos pero la fila {row} no tiene encabezados. Vuelva a poner los encabezados en la fila {row} y previsualice de nuevo.',
  'detail.CHECK_FAILED': 'No se pudo leer la fila {row} de {sheet}. La próxima revisión lo vuelve a intentar.',
  'detail.COLUMN_DELETED':
    'La columna «{identity}» del esquema ya no está en {sheet} (su etiqueta de identidad se fue con ella). Restáurela (Archivo › Historial de versiones) si sus datos importan; «Ampliar esquema» la volvería a añadir con sus valores iniciales.',
  'detail.COLUMN_DELETED.seen':
    'La columna «{identity}» del esquema ya no está en {sheet}: en la última revisión estaba en la columna {column}. Restáurela (Archivo › Historial de versiones) si sus datos importan; «Ampliar esquema» la volvería a añadir con sus valores iniciales.',
  'detail.COLUMN_RENAMED':
    '{cell} dice «{header}» pero es la columna «{identity}» del esquema (renombrada). Sheet Schema la sigue encontrando por su etiqueta de identidad y sigue escribiendo ahí; «Restaurar encabezado» vuelve a escribir «{identity}», o déjela así.',
  'detail.COLUMN_RENAMED.lastCheck':
    '{cell} dice «{header}» donde en la última revisión estaba la columna «{identity}» del esquema: parece renombrada. Vuelva a llamarla exactamente «{identity}»: Sheet Schema encuentra las columnas por su nombre y, si no, «Ampliar esquema» volvería a añadir «{identity}».',
  'detail.COLUMN_MOVED':
    'La columna «{identity}» del esquema se movió de {from} a {to} ({cell}) desde la última revisión. Sheet Schema encuentra las columnas por su nombre, así que sigue funcionando; las fórmulas o scripts que usan posiciones de columna quizá no.',
  'detail.DUPLICATE_HEADER':
    'El encabezado «{header}» aparece {count} veces en {sheet} ({cells}). Las columnas se encuentran por su nombre, así que es ambiguo y bloquea los cambios: cambie el nombre o quite todas menos una.',
  'detail.NEAR_DUPLICATE_HEADER':
    '{cell} dice «{header}», que se parece a la columna «{identity}» del esquema pero no es exactamente igual (mayúsculas o minúsculas, espacios, caracteres invisibles o parecidos). Llámela exactamente «{identity}» o quítela, para que la columna no se añada dos veces.',
  'detail.PENDING_MIGRATION': {
    one: 'La migración {migration} no está hecha en {sheet}: falta añadir 1 columna ({columns}) en {span}. Pulse «Ampliar esquema» o active la reparación automática.',
    other:
      'La migración {migration} no está hecha en {sheet}: faltan añadir {n} columnas ({columns}) en {span}. Pulse «Ampliar esquema» o active la reparación automática.',
  },
  'detail.INTERRUPTED_APPLY':
    'Un «Ampliar esquema» que {user} empezó el {time} se detuvo antes de terminar (por ejemplo, por el límite de 6 minutos de Apps Script). Ampliar de nuevo lo completa: solo se escriben las columnas que faltan y las celdas vacías, y el historial lo registra.',
  'detail.UNKNOWN_COLUMNS':
    '{cell} «{header}» es nueva desde la última revisión y no está en el esquema. Solo para su información: Sheet Schema no la toca.',
  'detail.UNKNOWN_COLUMNS.more': {
    one: '1 columna nueva más fuera del esquema, en {span}. Solo para su información: Sheet Schema no la toca.',
    other: '{n} columnas nuevas más fuera del esquema, en {span}. Solo para su información: Sheet Schema no las toca.',
  },
  'detail.BLANK_DEFAULTS':
    '{sheet} tiene celdas vacías en la fila {row} bajo {columns}, donde van los valores iniciales: quizá un «Ampliar esquema» se detuvo a medias (por ejemplo, el de otra persona, cortado por el límite de 6 minutos de Apps Script). Ampliar de nuevo rellena solo las celdas vacías.',
  'detail.HISTORY_DAMAGED':
    'La hoja del historial de cambios {sheet} se cambió a mano. Sheet Schema sigue funcionando con las filas que puede leer; el próximo «Ampliar esquema» vuelve a escribir su encabezado (no se borra nada de ella).',
  'detail.HISTORY_DAMAGED.overwritten':
    'La fila 1 de la hoja del historial de cambios {sheet} tiene algo distinto de su encabezado. Sheet Schema sigue funcionando con las filas que puede leer; el próximo «Ampliar esquema» inserta una fila encima y escribe ahí el encabezado (no se borra nada).',
  'detail.HISTORY_DAMAGED.empty':
    'La fila de encabezados (fila 1) de la hoja del historial de cambios {sheet} está vacía. Sheet Schema sigue funcionando con las filas que puede leer; el próximo «Ampliar esquema» vuelve a escribir el encabezado (no se borra nada).',
  'detail.HISTORY_DAMAGED.changed':
    'La fila de encabezados (fila 1) de la hoja del historial de cambios {sheet} se cambió a mano. Sheet Schema sigue funcionando con las filas que puede leer; el próximo «Ampliar esquema» vuelve a escribir el encabezado (no se borra nada).',
  'detail.HISTORY_DAMAGED.columns':
    'La hoja del historial de cambios {sheet} tiene {have} de sus {width} columnas (se borraron algunas). Sheet Schema sigue funcionando con las filas que puede leer; el próximo «Ampliar esquema» añade las columnas que faltan y vuelve a escribir el encabezado (no se borra nada).',
  'detail.VALIDATION_REMOVED':
    'Falta la validación de datos de la columna {column} ({header}) en {sheet}. «Restaurar» (o «Ampliar esquema») la repone; no cambia ningún valor.',
  'detail.VALIDATION_CHANGED':
    'Se cambió la validación de datos de la columna {column} ({header}) en {sheet}. «Restaurar» (o «Ampliar esquema») la repone; no cambia ningún valor.',
  'detail.PROTECTION_REMOVED':
    'Falta la protección con advertencia de la columna {column} ({header}) en {sheet}. «Restaurar» (o «Ampliar esquema») la repone; no cambia ningún valor.',
  'detail.PROTECTION_REMOVED.changed':
    'Se cambió la protección con advertencia de la columna {column} ({header}) en {sheet}. «Restaurar» (o «Ampliar esquema») la repone; no cambia ningún valor.',
  'detail.NUMBER_FORMAT_CHANGED':
    'Se cambió el formato de número de la columna {column} ({header}) en {sheet}. «Restaurar» (o «Ampliar esquema») lo repone; no cambia ningún valor.',
  'detail.NUMBER_FORMAT_CHANGED.missing':
    'Falta el formato de número de la columna {column} ({header}) en {sheet}. «Restaurar» (o «Ampliar esquema») lo repone; no cambia ningún valor.',
  'detail.NOTE_CHANGED':
    'Se cambió la nota del encabezado de la columna {column} ({header}) en {sheet}. «Restaurar» (o «Ampliar esquema») la repone; no cambia ningún valor.',
  'detail.NOTE_CHANGED.missing':
    'Falta la nota del encabezado de la columna {column} ({header}) en {sheet}. «Restaurar» (o «Ampliar esquema») la repone; no cambia ningún valor.',
  'detail.VALIDATION_REJECTS_FILL':
    '{cell} tiene una regla de validación de datos que rechaza la entrada, y ampliar el esquema escribiría {value} en ella (una celda vacía de {header}). No se escribió nada. Quite o suavice esa regla (Datos › Validación de datos), o rellene usted las celdas vacías, y previsualice de nuevo.',
  'detail.DATA_QUALITY':
    '{count} valores de {header} en {sheet} no son números, por ejemplo {examples}. Ampliar el esquema los deja como están; la validación de la columna los marca.',
  'detail.DATA_QUALITY.numberMin':
    '{count} valores de {header} en {sheet} no son números de 0 o más, por ejemplo {examples}. Ampliar el esquema los deja como están; la validación de la columna los marca.',
  'detail.DATA_QUALITY.integer':
    '{count} valores de {header} en {sheet} no son números enteros, por ejemplo {examples}. Ampliar el esquema los deja como están; la validación de la columna los marca.',
  'detail.DATA_QUALITY.integerMin':
    '{count} valores de {header} en {sheet} no son números enteros de 0 o más, por ejemplo {examples}. Ampliar el esquema los deja como están; la validación de la columna los marca.',
  'detail.BLANK_HEADER':
    '{cell} es un encabezado vacío entre columnas con nombre. Sheet Schema lo deja como está (nunca rellena huecos de encabezados); esa columna no se puede encontrar por su nombre.',
  'detail.CELL_LIMIT':
    'Añadir {columns} columnas a {sheet} ({rows} filas) llevaría la hoja de cálculo a {cells} celdas, por encima del límite de {limit} de Google Sheets. Borre antes filas, columnas u hojas que no use.',
  'detail.CELL_LIMIT.history':
    'Añadir {columns} columnas a {sheet} ({rows} filas) llevaría la hoja de cálculo a {cells} celdas (incluidas {created} celdas de la hoja del historial que crea el primer cambio), por encima del límite de {limit} de Google Sheets. Borre antes filas, columnas u hojas que no use.',
  'detail.COLUMN_LIMIT':
    '{sheet} necesitaría {columns} columnas, por encima del límite de {limit} de Google Sheets (columna ZZZ). Borre antes las columnas que no use.',
  'detail.DATA_WITHOUT_HEADER':
    '{cell} tiene datos, pero la columna {column} no tiene encabezado en la fila {row}. Las columnas nuevas van a la derecha del último encabezado ({last}), donde caerían sobre estos datos. Ponga un encabezado a esa columna o mueva los datos, y previsualice de nuevo.',
  'detail.ERROR_HEADER':
    '{cell} muestra el error {error} en vez de un nombre de encabezado; esa columna no se puede encontrar por su nombre.',
  'detail.HIDDEN_SHEET': 'La hoja {sheet} está oculta; Sheet Schema la sigue manteniendo al día.',
  'detail.NON_TEXT_HEADER':
    '{cell} contiene {value}, no un nombre de encabezado; esa columna no se puede encontrar por su nombre.',
  'detail.PROTECTED_RANGE':
    '{range} está protegido{label} y usted no puede editarlo, pero las columnas nuevas se tienen que escribir ahí. Pida al propietario que le añada como editor de esa protección (o que amplíe el esquema) y vuelva a intentarlo.',
  'detail.PROTECTED_RANGE.sheet':
    'La hoja {sheet} está protegida{label} y usted no puede editarla, pero las columnas nuevas se tienen que escribir ahí. Pida al propietario que le añada como editor de esa protección (o que amplíe el esquema) y vuelva a intentarlo.',
  'detail.PROTECTED_WARNING': '{range} está protegido solo con una advertencia{label}; ampliar el esquema escribe ahí.',
  'detail.PROTECTED_WARNING.sheet':
    'La hoja {sheet} está protegida solo con una advertencia{label}; ampliar el esquema escribe ahí.',
  'detail.COLUMN_LOOKS_RENAMED':
    'Falta la columna «{identity}» del esquema y {cell} dice «{header}» donde debería estar: parece «{identity}» renombrada. Sheet Schema no añadirá una segunda columna «{identity}»: vuelva a llamar «{identity}» a {cell} (o, si es otra columna, apártela) y previsualice de nuevo.',
  'detail.DUPLICATE_IDENTITY':
    'La columna «{identity}» del esquema está en más de una columna ({cells}), por ejemplo una columna copiada. Sheet Schema no adivinará cuál tiene los datos: borre o cambie el nombre de la copia (y quite sus datos si lo es) y previsualice de nuevo.',
  'detail.IDENTITY_MISMATCH':
    '{cell} está etiquetada como la columna «{identity}» del esquema pero su encabezado es «{header}», otra columna del esquema: se movieron los encabezados sin sus columnas. No se escribe nada hasta que cada encabezado vuelva a estar sobre su propia columna.',
  'detail.METADATA_LIMIT':
    'Etiquetar las columnas de {sheet} ({columns}) necesita {needed} caracteres de metadatos de desarrollador, pero la hoja ya usa {used} de los {limit} que Google permite por hoja (otros complementos o scripts). Quite de {sheet} los metadatos de desarrollador que no use y previsualice de nuevo.',
  'detail.COLUMNS_UNTAGGED':
    'Columnas del esquema en {sheet} ({cells}) aún no tienen etiqueta de identidad; el próximo «Ampliar esquema» las etiqueta, para que se sigan encontrando si se renombran sus encabezados. Solo para su información.',
  // Fallos, por código (src/shared/wording/failure.ts); la causa es el texto de la propia plataforma.
  'failure.cause': 'Causa, tal como la da Google: {cause}',
  'failure.applyUndone':
    'Ampliar el esquema falló al escribir en {sheet} y se deshizo: la hoja está como estaba. Vuelva a intentarlo en un minuto.',
  'failure.applyIncomplete':
    'Ampliar el esquema falló al escribir en {sheet} y no se pudo deshacer del todo ({rollbackCause}). Pulse «Ampliar esquema» otra vez para completarlo: solo añade lo que falta.',
  'failure.metricsPutBack':
    'Falló la escritura de las métricas de uniones en {sheet}; las columnas {columns} se dejaron como estaban, así que no cambió nada. Vuelva a intentarlo en un minuto.',
  'failure.metricsNotPutBack':
    'Falló la escritura de las métricas de uniones en {sheet} y las columnas {columns} no se pudieron dejar todas como estaban ({putBackCause}): alguna puede tener los valores nuevos. Vuelva a recalcular las métricas de uniones: las reescribe todas.',
  'failure.blockedNow': {
    one: 'No se cambió nada: la hoja cambió desde la vista previa y ahora tiene 1 problema que resolver antes. Abra «Vista previa de los cambios…» para verlo.',
    other:
      'No se cambió nada: la hoja cambió desde la vista previa y ahora tiene {n} problemas que resolver antes. Abra «Vista previa de los cambios…» para verlos.',
  },
  'failure.sheetNotFound':
    'No se encontró la hoja {sheet}: no se escribió nada. Vuelva a ponerle su nombre o restáurela y vuelva a intentarlo.',
  'failure.nothingToRestore':
    'Ninguna columna de {sheet} lleva la identidad de «{identity}» con otro encabezado: no hay nada que restaurar y no se escribió nada. Previsualice de nuevo para ver la hoja como está ahora.',
  'failure.nothingToRestore.alreadyReads':
    '{cell} ya dice «{identity}»: no hay nada que restaurar y no se escribió nada.',
  'failure.nothingToRestore.wouldDuplicate':
    'Otra columna de {sheet} ({column}) ya dice «{identity}»: restaurar daría dos, así que no se escribió nada.',
  'failure.tooManyTriggers':
    'Su cuenta de Google ya tiene todos los activadores que se le permiten para este complemento, {limit} (el límite cuenta cada hoja de cálculo en la que lo usa). No se ha cambiado nada: desactive la revisión cada hora o las métricas al día en una hoja de cálculo que ya no las necesite (o borre los que no use en https://script.google.com/home/triggers) y vuelva a intentarlo.',
  // Resultados del historial tal como los lista la barra lateral.
  'history.rolledBack': 'falló, deshecho',
  'history.incomplete': 'falló, incompleto',
  // Textos escritos en las celdas Descripción y «Columnas añadidas» de _schema_history, en el idioma de la hoja.
  'historyCell.filled': {
    one: 'rellenada 1 celda vacía en {letter} ({header})',
    other: 'rellenadas {n} celdas vacías en {letter} ({header})',
  },
  'historyCell.tagged': 'etiquetada la columna existente {letter} ({identity})',
  'historyCell.rulesSet': 'reglas puestas ({kinds}) en {letters}',
  'historyCell.rulesRestored': 'reglas restauradas ({kinds}) en {letters}',
  'historyCell.kind.validation': 'validación',
  'historyCell.kind.note': 'nota',
  'historyCell.kind.protection': 'protección',
  'historyCell.kind.numberFormat': 'formato de número',
  'historyCell.completes': 'completa la ampliación que se detuvo el {time}',
  'historyCell.headerRestored': 'Encabezado de la columna gestionada «{identity}» restaurado',
  'history.headerRestored': 'encabezado restaurado',
  // Llamadas de la barra lateral que fallan en la propia barra (src/client/rpc.ts).
  'rpc.noResult':
    'El complemento respondió sin resultado, así que no hay nada que mostrar. Cierre la barra lateral y vuelva a abrirla desde el menú para ver la hoja como está.',
  'rpc.missingFunction':
    'Esta barra lateral es más antigua que el complemento: ha pedido una acción que el complemento ya no tiene ({name}). Cierre la barra lateral y vuelva a abrirla desde el menú.',
  'rpc.noMessage':
    'El complemento se detuvo sin decir por qué. Vuelva a intentarlo en un minuto; si sigue fallando, recargue la hoja de cálculo.',
  // Rechazos que un operador solo encuentra en casos raros (una barra lateral antigua, una hoja cambiada entretanto), por código.
  'failure.badArgument':
    'El complemento no ha podido leer esta petición (puede que la barra lateral sea más antigua que el complemento), así que no se ha cambiado nada. Cierre la barra lateral, vuelva a abrirla desde el menú e inténtelo de nuevo. (Para el desarrollador: {detail})',
  'failure.noSpreadsheet':
    'Aquí no hay ninguna hoja de cálculo abierta, así que no se ha hecho nada. Abra la hoja de cálculo y use Sheet Schema desde su menú Extensiones.',
  'failure.notManaged':
    '«{identity}» no es una columna que Sheet Schema gestione en {sheet}, así que no se ha escrito nada. Vuelva a ver la vista previa para ver la hoja como está ahora.',
  'failure.columnNotFound':
    'No se encontró la columna {column} en la fila {row} de {sheet}, así que no se ha escrito nada. Vuelva a poner la columna (o devuélvale su nombre) e inténtelo de nuevo.',
  'failure.columnNotFound.duplicate':
    'La columna {column} aparece más de una vez en la fila {row} de {sheet} (como copia o con un nombre parecido), así que no se ha escrito nada. Cambie el nombre o quite todas menos una e inténtelo de nuevo.',
  'failure.columnNotFound.moved':
    'Los encabezados de {sheet} cambiaron mientras se leían, así que no se ha escrito nada. Inténtelo de nuevo.',
};
