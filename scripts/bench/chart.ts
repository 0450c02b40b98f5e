/**
 * A small hand-written SVG line chart: side-by-side panels, log–log axes, markers, direct
 * labels at the last point and one shared legend. No dependencies.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Series {
  readonly name: string;
  readonly color: string;
  /** stroke-dasharray, e.g. '6 4'; solid when absent. */
  readonly dash?: string;
  readonly width?: number;
  readonly marker: 'circle' | 'square' | 'triangle' | 'diamond';
  readonly points: readonly Point[];
}

export interface Panel {
  readonly title: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
}

export interface ChartSpec {
  readonly title: string;
  readonly subtitle: string;
  readonly xLabel: string;
  readonly panels: readonly Panel[];
  /** Vertical reference lines (e.g. the 10M-cell ceiling). */
  readonly verticals?: ReadonlyArray<{ readonly x: number; readonly label: string }>;
  readonly footnote?: string;
}

const PANEL_W = 470;
const PANEL_H = 330;
const MARGIN = { left: 78, right: 92, top: 44, bottom: 52 };
const HEADER_H = 66;
const LEGEND_H = 58;
const FONT = "font-family='system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif'";

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (n: number): string => n.toLocaleString('en-US');

function compact(n: number): string {
  if (n >= 1e6) return `${n / 1e6}M`;
  if (n >= 1e3) return `${n / 1e3}k`;
  return String(n);
}

interface Scale {
  readonly min: number;
  readonly max: number;
  readonly px0: number;
  readonly px1: number;
}

function logScale(scale: Scale, value: number): number {
  const t = (Math.log10(value) - Math.log10(scale.min)) / (Math.log10(scale.max) - Math.log10(scale.min));
  return scale.px0 + t * (scale.px1 - scale.px0);
}

function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
  return out;
}

function marker(kind: Series['marker'], x: number, y: number, color: string): string {
  const attrs = `fill='${color}' stroke='white' stroke-width='1.2'`;
  switch (kind) {
    case 'circle':
      return `<circle cx='${x}' cy='${y}' r='4.5' ${attrs}/>`;
    case 'square':
      return `<rect x='${x - 4}' y='${y - 4}' width='8' height='8' ${attrs}/>`;
    case 'triangle':
      return `<path d='M${x},${y - 5.5} L${x + 5},${y + 4} L${x - 5},${y + 4} Z' ${attrs}/>`;
    case 'diamond':
      return `<path d='M${x},${y - 5.5} L${x + 5.5},${y} L${x},${y + 5.5} L${x - 5.5},${y} Z' ${attrs}/>`;
  }
}

/** Direct labels at each series' last point, pushed apart vertically so they never overlap. */
function endLabels(panel: Panel, xs: Scale, ys: Scale): string {
  const labels = panel.series.map((s) => {
    const last = s.points[s.points.length - 1];
    return { y: logScale(ys, last.y), x: logScale(xs, last.x), text: fmt(last.y), color: s.color };
  });
  labels.sort((a, b) => a.y - b.y);
  for (let i = 1; i < labels.length; i++) labels[i].y = Math.max(labels[i].y, labels[i - 1].y + 13);
  return labels
    .map(
      (l) =>
        `<text x='${l.x + 9}' y='${l.y + 4}' font-size='11.5' font-weight='600' fill='${l.color}' ${FONT}>${esc(l.text)}</text>`,
    )
    .join('');
}

function axes(xs: Scale, ys: Scale, xTicks: readonly number[], yTicks: readonly number[]): string {
  const parts: string[] = [];
  for (const t of yTicks) {
    const y = logScale(ys, t);
    parts.push(`<line x1='${xs.px0}' x2='${xs.px1}' y1='${y}' y2='${y}' stroke='#e3e3e3'/>`);
    parts.push(
      `<text x='${xs.px0 - 8}' y='${y + 4}' font-size='11' text-anchor='end' fill='#444' ${FONT}>${compact(t)}</text>`,
    );
  }
  for (const t of xTicks) {
    const x = logScale(xs, t);
    parts.push(`<line x1='${x}' x2='${x}' y1='${ys.px1}' y2='${ys.px0}' stroke='#eeeeee'/>`);
    parts.push(
      `<text x='${x}' y='${ys.px0 + 17}' font-size='11' text-anchor='middle' fill='#444' ${FONT}>${compact(t)}</text>`,
    );
  }
  parts.push(
    `<rect x='${xs.px0}' y='${ys.px1}' width='${xs.px1 - xs.px0}' height='${ys.px0 - ys.px1}' fill='none' stroke='#999'/>`,
  );
  return parts.join('');
}

function seriesPath(s: Series, xs: Scale, ys: Scale): string {
  const coords = s.points.map((p) => [logScale(xs, p.x), logScale(ys, p.y)] as const);
  const d = coords.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const dash = s.dash === undefined ? '' : ` stroke-dasharray='${s.dash}'`;
  const line = `<path d='${d}' fill='none' stroke='${s.color}' stroke-width='${s.width ?? 2.2}'${dash}/>`;
  return line + coords.map(([x, y]) => marker(s.marker, x, y, s.color)).join('');
}

function renderPanel(
  spec: ChartSpec,
  panel: Panel,
  originX: number,
  xRange: readonly [number, number],
  xTicks: readonly number[],
): string {
  const values = panel.series.flatMap((s) => s.points.map((p) => p.y));
  const yTicks = decades(Math.min(...values), Math.max(...values));
  const xs: Scale = {
    min: xRange[0],
    max: xRange[1],
    px0: originX + MARGIN.left,
    px1: originX + PANEL_W - MARGIN.right,
  };
  const ys: Scale = {
    min: yTicks[0],
    max: yTicks[yTicks.length - 1],
    px0: HEADER_H + PANEL_H - MARGIN.bottom,
    px1: HEADER_H + MARGIN.top,
  };
  const verticals = (spec.verticals ?? []).map((v) => {
    const x = logScale(xs, v.x);
    return (
      `<line x1='${x}' x2='${x}' y1='${ys.px1}' y2='${ys.px0}' stroke='#b00020' stroke-dasharray='3 3'/>` +
      `<text transform='translate(${x - 5},${(ys.px0 + ys.px1) / 2}) rotate(-90)' font-size='10.5' text-anchor='middle' fill='#b00020' ${FONT}>${esc(v.label)}</text>`
    );
  });
  const midY = (ys.px0 + ys.px1) / 2;
  return [
    `<text x='${originX + MARGIN.left}' y='${HEADER_H + 24}' font-size='14' font-weight='600' fill='#222' ${FONT}>${esc(panel.title)}</text>`,
    axes(xs, ys, xTicks, yTicks),
    ...verticals,
    ...panel.series.map((s) => seriesPath(s, xs, ys)),
    endLabels(panel, xs, ys),
    `<text transform='translate(${originX + 20},${midY}) rotate(-90)' font-size='12' text-anchor='middle' fill='#333' ${FONT}>${esc(panel.yLabel)}</text>`,
    `<text x='${(xs.px0 + xs.px1) / 2}' y='${ys.px0 + 38}' font-size='12' text-anchor='middle' fill='#333' ${FONT}>${esc(spec.xLabel)}</text>`,
  ].join('\n');
}

function legend(series: readonly Series[], top: number, width: number): string {
  const colWidth = width / 2 - 30;
  return series
    .map((s, i) => {
      const x = 40 + (i % 2) * colWidth;
      const y = top + 18 + Math.floor(i / 2) * 20;
      const dash = s.dash === undefined ? '' : ` stroke-dasharray='${s.dash}'`;
      return (
        `<line x1='${x}' x2='${x + 34}' y1='${y}' y2='${y}' stroke='${s.color}' stroke-width='${s.width ?? 2.2}'${dash}/>` +
        marker(s.marker, x + 17, y, s.color) +
        `<text x='${x + 44}' y='${y + 4}' font-size='12' fill='#222' ${FONT}>${esc(s.name)}</text>`
      );
    })
    .join('\n');
}

export function renderChart(spec: ChartSpec): string {
  const xsAll = spec.panels.flatMap((p) => p.series.flatMap((s) => s.points.map((pt) => pt.x)));
  const xTicks = decades(Math.min(...xsAll), Math.max(...xsAll)).filter(
    (t) => t >= Math.min(...xsAll) && t <= Math.max(...xsAll),
  );
  const xRange: [number, number] = [Math.min(...xsAll) / 1.25, Math.max(...xsAll) * 1.25];
  const width = PANEL_W * spec.panels.length;
  const legendSeries = spec.panels[0].series;
  const footH = spec.footnote === undefined ? 0 : 22;
  const height = HEADER_H + PANEL_H + LEGEND_H + footH;
  const body = [
    `<rect width='${width}' height='${height}' fill='white'/>`,
    `<text x='24' y='28' font-size='17' font-weight='700' fill='#111' ${FONT}>${esc(spec.title)}</text>`,
    `<text x='24' y='50' font-size='12.5' fill='#555' ${FONT}>${esc(spec.subtitle)}</text>`,
    ...spec.panels.map((panel, i) => renderPanel(spec, panel, i * PANEL_W, xRange, xTicks)),
    legend(legendSeries, HEADER_H + PANEL_H, width),
    spec.footnote === undefined
      ? ''
      : `<text x='24' y='${height - 10}' font-size='11' fill='#666' ${FONT}>${esc(spec.footnote)}</text>`,
  ];
  return `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='${height}' viewBox='0 0 ${width} ${height}' role='img' aria-label='${esc(spec.title)}'>\n${body.join('\n')}\n</svg>\n`;
}
