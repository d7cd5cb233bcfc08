import { pipeline } from 'node:stream/promises';
import { formatDateTime, formatMonth, formatPence, formatPoundsBriefly } from '@harbour/shared/format';
import { niceTicks } from '@harbour/shared/nice-ticks';
import { completionRateOf, type PlacementReportTotals } from '@harbour/shared/reports';

// The monthly summary a manager sends to directors and partner clinics: counts and money only,
// never a person.

export interface SummaryGroup {
  label: string;
  placements: number;
  admissions: number;
  completions: number;
  feesPence: number;
}

export interface PlacementSummary {
  /** "Placements admitted from 01/10/2026 to 31/10/2026" */
  periodText: string;
  /** The filters besides the period, as read: ["Clinic: Oak House", "Region: North West"]; empty for none. */
  filtersText: string[];
  generatedAt: Date;
  generatedBy: string;
  totals: PlacementReportTotals;
  byClinic: SummaryGroup[];
  byFundingRoute: SummaryGroup[];
  /** Twelve months ending with the period's last month, oldest first: admissions and fees in each. */
  monthly: Array<{ month: string; placements: number; feesPence: number }>;
  /** Cases opened in those twelve months and how far they went: Enquiry, Assessment, Placement, Admission, Completed. */
  funnel: Array<{ label: string; count: number }>;
  /** Over the admissions in those twelve months: days from the case opening to admission. */
  medianDaysToAdmission: number | null;
}

type Doc = PDFKit.PDFDocument;
type Align = 'left' | 'right' | 'center';

const TITLE = 'Harbour placement summary';

// The built-in Helvetica needs no font file, and its WinAnsi encoding carries £, – and …
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

// Dark blue bars and near-black text stay distinct when a director prints in greyscale.
const INK = '#222222';
const MUTED = '#4d4d4d';
const BAR = '#1d4f91';
const GRID = '#c8c8c8';
const STRIPE = '#eef1f5';

// The bottom margin leaves room for the footer, which sits below the content area.
const MARGINS = { top: 50, bottom: 60, left: 50, right: 50 };
const FOOTER_FROM_BOTTOM = 35;

const HEADING_HEIGHT = 22;
const SECTION_GAP = 16;
const ROW_HEIGHT = 16;
const PLOT_HEIGHT = 130;
const AXIS_WIDTH = 44;
const BAR_ROW_HEIGHT = 18;
const BAR_LABEL_WIDTH = 150;
const BAR_TEXT_WIDTH = 80;

const NO_PLACEMENTS = 'No placements in this period.';
const whole = new Intl.NumberFormat('en-GB');

/**
 * Renders the summary as an A4 PDF into `out`, resolving once `out` has finished. The whole
 * document is drawn before anything is piped, so a drawing error leaves `out` untouched and the
 * caller can still answer with an error.
 */
export async function writePlacementSummaryPdf(summary: PlacementSummary, out: NodeJS.WritableStream): Promise<void> {
  // Loaded on the first PDF, not at start: pdfkit and its fonts are about 25 MB resident that a
  // server which never draws a summary need not carry (the CSV export's memory target counts it).
  const { default: PDFDocument } = await import('pdfkit');
  // Pages are buffered so the footer can say "page X of Y" once Y is known.
  const doc = new PDFDocument({ size: 'A4', layout: 'portrait', margins: MARGINS, bufferPages: true, font: REGULAR, info: { Title: TITLE, Author: 'Harbour' } });

  drawTitleBlock(doc, summary);
  drawTotals(doc, summary.totals);
  drawTable(doc, 'By clinic', 'Clinic', summary.byClinic);
  drawTable(doc, 'By funding route', 'Funding route', summary.byFundingRoute);
  drawMonthlyCharts(doc, summary.monthly);
  drawBarChart(doc, 'Placements by clinic', topClinicBars(summary.byClinic));
  drawBarChart(doc, 'From enquiry to completion', funnelBars(summary.funnel), medianText(summary.medianDaysToAdmission));
  drawFooters(doc);

  const finished = pipeline(doc, out);
  doc.end();
  await finished;
}

// ---- Layout: every piece of text is placed by hand, and the cursor (doc.y) moves only here.

const contentLeft = (doc: Doc) => doc.page.margins.left;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const contentBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when `height` would run past the bottom margin; true when it did. */
function ensureRoom(doc: Doc, height: number): boolean {
  if (doc.y + height <= contentBottom(doc)) return false;
  doc.addPage();
  doc.y = doc.page.margins.top;
  return true;
}

interface TextStyle {
  size: number;
  bold?: boolean;
  colour?: string;
  /** Given a width, the text is cut to fit it and aligned within it. */
  width?: number;
  align?: Align;
}

/** Draws one line of text at (x, y) without moving the cursor. */
function write(doc: Doc, text: string, x: number, y: number, style: TextStyle): void {
  const { x: cursorX, y: cursorY } = doc;
  doc.font(style.bold ? BOLD : REGULAR).fontSize(style.size).fillColor(style.colour ?? INK);
  const shown = style.width === undefined ? text : fitted(doc, text, style.width);
  const spare = style.width === undefined ? 0 : style.width - doc.widthOfString(shown);
  const offset = style.align === 'right' ? spare : style.align === 'center' ? spare / 2 : 0;
  // No line breaking: pdfkit would otherwise wrap, and add pages, on its own; layout is ours.
  doc.text(shown, x + offset, y, { lineBreak: false });
  doc.x = cursorX;
  doc.y = cursorY;
}

/** The text, shortened with an ellipsis when it is wider than `width` in the current font. */
function fitted(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let shortened = text;
  while (shortened.length > 0 && doc.widthOfString(`${shortened}…`) > width) shortened = shortened.slice(0, -1);
  return `${shortened.trimEnd()}…`;
}

/** A line of text in the flow, at the left margin. */
function writeLine(doc: Doc, text: string, style: TextStyle): void {
  const height = style.size * 1.5;
  ensureRoom(doc, height);
  write(doc, text, contentLeft(doc), doc.y, { width: contentWidth(doc), ...style });
  doc.y += height;
}

function drawHeading(doc: Doc, text: string): void {
  write(doc, text, contentLeft(doc), doc.y, { size: 13, bold: true });
  doc.y += HEADING_HEIGHT;
}

function drawRule(doc: Doc, y: number, colour: string, x1 = contentLeft(doc), x2 = contentLeft(doc) + contentWidth(doc)): void {
  doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor(colour).stroke();
}

// ---- Sections

function drawTitleBlock(doc: Doc, summary: PlacementSummary): void {
  write(doc, TITLE, contentLeft(doc), doc.y, { size: 20, bold: true });
  doc.y += 30;
  writeLine(doc, summary.periodText, { size: 11 });
  writeLine(doc, summary.filtersText.length > 0 ? summary.filtersText.join('; ') : 'All placements', { size: 10, colour: MUTED });
  writeLine(doc, `Produced ${formatDateTime(summary.generatedAt)} by ${summary.generatedBy}`, { size: 10, colour: MUTED });
  doc.y += SECTION_GAP;
}

function drawTotals(doc: Doc, totals: PlacementReportTotals): void {
  const rate = completionRateOf(totals);
  const rows: Array<[string, string]> = [
    ['Placements', whole.format(totals.placements)],
    ['Admissions', whole.format(totals.admissions)],
    ['Completions', whole.format(totals.completions)],
    ['Completion rate', rate === null ? 'no discharges yet' : `${rate}% of discharges`],
    ['Total fees', formatPence(totals.feesPence)],
  ];
  ensureRoom(doc, HEADING_HEIGHT + rows.length * ROW_HEIGHT);
  drawHeading(doc, 'Totals');
  for (const [label, value] of rows) {
    write(doc, label, contentLeft(doc), doc.y, { size: 10, colour: MUTED });
    write(doc, value, contentLeft(doc) + 130, doc.y, { size: 10, bold: true });
    doc.y += ROW_HEIGHT;
  }
  doc.y += SECTION_GAP;
}

interface Column {
  header: string;
  align: Align;
  /** Points; the first column takes what the others leave. */
  width: number;
  cell: (group: SummaryGroup) => string;
}

function summaryColumns(firstHeader: string, firstWidth: number): Column[] {
  const count = (header: string, pick: (group: SummaryGroup) => number): Column => ({ header, align: 'right', width: 70, cell: (group) => whole.format(pick(group)) });
  return [
    { header: firstHeader, align: 'left', width: firstWidth, cell: (group) => group.label },
    count('Placements', (group) => group.placements),
    count('Admitted', (group) => group.admissions),
    count('Completed', (group) => group.completions),
    { header: 'Fees', align: 'right', width: 90, cell: (group) => formatPence(group.feesPence) },
  ];
}

/** A table of groups that runs on across pages, its title and header row repeated on each. */
function drawTable(doc: Doc, title: string, firstHeader: string, groups: SummaryGroup[]): void {
  // The title never sits alone at a page's foot: it comes with the header and a first row.
  ensureRoom(doc, HEADING_HEIGHT + ROW_HEIGHT * 2);
  drawHeading(doc, title);
  if (groups.length === 0) {
    writeLine(doc, NO_PLACEMENTS, { size: 10 });
    doc.y += SECTION_GAP;
    return;
  }
  const columns = summaryColumns(firstHeader, contentWidth(doc) - 70 * 3 - 90);
  drawTableRow(doc, columns.map((column) => column.header), columns, { bold: true });
  groups.forEach((group, index) => {
    if (ensureRoom(doc, ROW_HEIGHT)) {
      drawHeading(doc, `${title} (continued)`);
      drawTableRow(doc, columns.map((column) => column.header), columns, { bold: true });
    }
    drawTableRow(doc, columns.map((column) => column.cell(group)), columns, { striped: index % 2 === 1 });
  });
  doc.y += SECTION_GAP;
}

function drawTableRow(doc: Doc, cells: string[], columns: Column[], look: { bold?: boolean; striped?: boolean }): void {
  const padding = 4;
  const top = doc.y;
  if (look.striped) doc.rect(contentLeft(doc), top, contentWidth(doc), ROW_HEIGHT).fill(STRIPE);
  let x = contentLeft(doc);
  columns.forEach((column, index) => {
    write(doc, cells[index] ?? '', x + padding, top + 4, { size: 9, bold: look.bold, width: column.width - padding * 2, align: column.align });
    x += column.width;
  });
  if (look.bold) drawRule(doc, top + ROW_HEIGHT, INK);
  doc.y = top + ROW_HEIGHT;
}

// ---- Charts

function drawMonthlyCharts(doc: Doc, monthly: PlacementSummary['monthly']): void {
  drawColumnChart(doc, {
    title: 'Admissions per month',
    columns: monthly.map((entry) => ({ label: formatMonth(entry.month), value: entry.placements })),
    format: (value) => whole.format(value),
  });
  drawColumnChart(doc, {
    title: 'Fees per month',
    columns: monthly.map((entry) => ({ label: formatMonth(entry.month), value: entry.feesPence / 100 })),
    // Full pounds and pence would not fit above a column a twelfth of the page wide.
    format: formatPoundsBriefly,
  });
}

interface ColumnChart {
  title: string;
  columns: Array<{ label: string; value: number }>;
  /** For the value above each column and the axis ticks. */
  format: (value: number) => string;
}

/** A column chart with its y axis from zero, gridlines at nice round steps and each value above its column. */
function drawColumnChart(doc: Doc, chart: ColumnChart): void {
  const valueSpace = 12;
  const labelSpace = 18;
  ensureRoom(doc, HEADING_HEIGHT + valueSpace + PLOT_HEIGHT + labelSpace);
  drawHeading(doc, chart.title);

  const left = contentLeft(doc) + AXIS_WIDTH;
  const right = contentLeft(doc) + contentWidth(doc);
  const plotTop = doc.y + valueSpace;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const max = Math.max(0, ...chart.columns.map((column) => column.value));
  const ticks = niceTicks(max, 4, { whole: true });
  const top = ticks.at(-1)!;
  const yOf = (value: number) => plotBottom - (value / top) * PLOT_HEIGHT;

  for (const [index, tick] of ticks.entries()) {
    drawRule(doc, yOf(tick), index === 0 ? INK : GRID, left, right);
    write(doc, chart.format(tick), contentLeft(doc), yOf(tick) - 3, { size: 7, colour: MUTED, width: AXIS_WIDTH - 6, align: 'right' });
  }

  const slot = (right - left) / Math.max(1, chart.columns.length);
  chart.columns.forEach((column, index) => {
    const x = left + index * slot;
    const top = yOf(column.value);
    if (column.value > 0) doc.rect(x + slot * 0.2, top, slot * 0.6, plotBottom - top).fill(BAR);
    write(doc, chart.format(column.value), x, top - 10, { size: 7, width: slot, align: 'center' });
    write(doc, column.label, x, plotBottom + 5, { size: 7, colour: MUTED, width: slot, align: 'center' });
  });
  doc.y = plotBottom + labelSpace + SECTION_GAP;
}

interface Bar {
  label: string;
  value: number;
  /** Shown at the bar's end. */
  text: string;
}

/** Horizontal bars, one a row, longest for the largest value; kept whole on one page with the note that reads it. */
function drawBarChart(doc: Doc, title: string, bars: Bar[], note?: string): void {
  ensureRoom(doc, HEADING_HEIGHT + Math.max(1, bars.length) * BAR_ROW_HEIGHT + (note === undefined ? 0 : ROW_HEIGHT));
  drawHeading(doc, title);
  if (bars.length === 0) writeLine(doc, NO_PLACEMENTS, { size: 10 });
  const barLeft = contentLeft(doc) + BAR_LABEL_WIDTH;
  const barSpace = contentWidth(doc) - BAR_LABEL_WIDTH - BAR_TEXT_WIDTH;
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  for (const bar of bars) {
    const length = max === 0 ? 0 : (bar.value / max) * barSpace;
    write(doc, bar.label, contentLeft(doc), doc.y + 3, { size: 9, width: BAR_LABEL_WIDTH - 8 });
    if (length > 0) doc.rect(barLeft, doc.y, length, BAR_ROW_HEIGHT - 6).fill(BAR);
    write(doc, bar.text, barLeft + length + 4, doc.y + 3, { size: 9 });
    doc.y += BAR_ROW_HEIGHT;
  }
  if (note !== undefined) {
    doc.y += 4;
    writeLine(doc, note, { size: 10 });
  }
  doc.y += SECTION_GAP;
}

/** The ten clinics with the most placements, ties by name so the order is stable. */
function topClinicBars(byClinic: SummaryGroup[]): Bar[] {
  return byClinic
    .filter((group) => group.placements > 0)
    .sort((a, b) => b.placements - a.placements || a.label.localeCompare(b.label, 'en-GB'))
    .slice(0, 10)
    .map((group) => ({ label: group.label, value: group.placements, text: whole.format(group.placements) }));
}

/** Each step with its count and its share of the first step, which every case passes through. */
function funnelBars(funnel: PlacementSummary['funnel']): Bar[] {
  const first = funnel[0]?.count ?? 0;
  return funnel.map((step) => ({
    label: step.label,
    value: step.count,
    text: first === 0 ? whole.format(step.count) : `${whole.format(step.count)} (${Math.round((step.count / first) * 100)}%)`,
  }));
}

function medianText(days: number | null): string {
  return days === null ? 'No admissions in these twelve months.' : `Median days from first contact to admission: ${whole.format(days)}`;
}

/** Numbers every buffered page; drawn last, when the page count is known. */
function drawFooters(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const text = `Harbour – counts only, no personal details – page ${index - range.start + 1} of ${range.count}`;
    write(doc, text, contentLeft(doc), doc.page.height - FOOTER_FROM_BOTTOM, { size: 8, colour: MUTED, width: contentWidth(doc), align: 'center' });
  }
}
