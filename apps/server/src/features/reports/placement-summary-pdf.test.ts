import { PassThrough } from 'node:stream';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { writePlacementSummaryPdf, type PlacementSummary, type SummaryGroup } from './placement-summary-pdf';

// The PDF is read back as text, the way a director's PDF reader would show it: the test asserts
// on what is on the page, not on how pdfkit drew it.

const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

function summaryWith(overrides: Partial<PlacementSummary> = {}): PlacementSummary {
  return {
    periodText: 'Placements admitted from 01/11/2026 to 30/11/2026',
    filtersText: ['Region: North West'],
    // 14:05 in London, GMT in November.
    generatedAt: new Date('2026-11-30T14:05:00Z'),
    generatedBy: 'Priya Shah',
    totals: { placements: 14, admissions: 12, completions: 6, discharges: 9, feesPence: 1_234_550 },
    byClinic: [
      { label: 'Oak House', placements: 6, admissions: 5, completions: 3, feesPence: 612_000 },
      { label: 'Brook Lodge Recovery Centre', placements: 5, admissions: 4, completions: 2, feesPence: 402_550 },
      { label: 'The Willows', placements: 3, admissions: 3, completions: 1, feesPence: 220_000 },
    ],
    byFundingRoute: [
      { label: 'Self-funded', placements: 8, admissions: 7, completions: 4, feesPence: 800_000 },
      { label: 'Local authority', placements: 6, admissions: 5, completions: 2, feesPence: 434_550 },
    ],
    monthly: months.map((month, index) => ({ month, placements: index + 3, feesPence: (index + 3) * 411_000 })),
    funnel: [
      { label: 'Enquiry', count: 200 },
      { label: 'Assessment', count: 120 },
      { label: 'Placement', count: 60 },
      { label: 'Admission', count: 50 },
      { label: 'Completed', count: 20 },
    ],
    medianDaysToAdmission: 9,
    ...overrides,
  };
}

function clinics(count: number): SummaryGroup[] {
  return Array.from({ length: count }, (_, index) => ({
    label: `Clinic ${String(index + 1).padStart(3, '0')}`,
    placements: count - index,
    admissions: count - index,
    completions: 1,
    feesPence: 100_000,
  }));
}

async function rendered(summary: PlacementSummary): Promise<{ bytes: Buffer; text: string; pages: string[] }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writePlacementSummaryPdf(summary, out);
  const bytes = Buffer.concat(chunks);
  const parser = new PDFParse({ data: bytes });
  try {
    const result = await parser.getText();
    return { bytes, text: result.text, pages: result.pages.map((page) => page.text) };
  } finally {
    await parser.destroy();
  }
}

// pdf-parse may put a tab or several spaces between pieces of text on one line.
const squashed = (text: string) => text.replace(/\s+/g, ' ');

describe('writePlacementSummaryPdf', () => {
  it('writes a PDF a reader sees the summary in', async () => {
    const { bytes, text } = await rendered(summaryWith());
    const seen = squashed(text);

    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(seen).toContain('Harbour placement summary');
    expect(seen).toContain('Placements admitted from 01/11/2026 to 30/11/2026');
    expect(seen).toContain('Region: North West');
    expect(seen).toContain('Produced 30/11/2026 14:05 by Priya Shah');
    expect(seen).toContain('Total fees £12,345.50');
    expect(seen).toContain('Completion rate 66.7% of discharges');
    expect(seen).toContain('Brook Lodge Recovery Centre 5 4 2 £4,025.50');
    expect(seen).toContain('Self-funded 8 7 4 £8,000.00');
    expect(seen).toContain('Local authority');
    for (const title of ['By clinic', 'By funding route', 'Admissions per month', 'Fees per month', 'Placements by clinic', 'From enquiry to completion']) {
      expect(seen).toContain(title);
    }
    expect(seen).toContain('Dec 25');
    expect(seen).toContain('Nov 26');
    expect(seen).toContain('Assessment 120 (60%)');
    expect(seen).toContain('Median days from first contact to admission: 9');
  });

  it('numbers every page in its footer', async () => {
    const { pages } = await rendered(summaryWith());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(squashed(page)).toContain(`Harbour – counts only, no personal details – page ${index + 1} of ${pages.length}`);
    });
  });

  it('says so when there is nothing to show', async () => {
    const { text } = await rendered(
      summaryWith({
        filtersText: [],
        totals: { placements: 0, admissions: 0, completions: 0, discharges: 0, feesPence: 0 },
        byClinic: [],
        byFundingRoute: [],
        monthly: months.map((month) => ({ month, placements: 0, feesPence: 0 })),
        medianDaysToAdmission: null,
      }),
    );
    const seen = squashed(text);
    expect(seen).toContain('All placements');
    expect(seen).toContain('Completion rate no discharges yet');
    expect(seen.match(/No placements in this period\./g)).toHaveLength(3);
    expect(seen).toContain('No admissions in these twelve months.');
  });

  it('runs a long clinic table across pages, its header repeated on each', async () => {
    const small = await rendered(summaryWith());
    const large = await rendered(summaryWith({ byClinic: clinics(300) }));

    expect(large.pages.length).toBeGreaterThan(small.pages.length + 3);
    expect(squashed(large.text)).toContain('Clinic 300 1 1 1 £1,000.00');
    const pagesWithRows = large.pages.map(squashed).filter((page) => /Clinic \d{3} \d+ \d+ \d+ £/.test(page));
    expect(pagesWithRows.length).toBeGreaterThan(3);
    for (const page of pagesWithRows) expect(page).toContain('Clinic Placements Admitted Completed Fees');
    expect(squashed(large.text)).toContain('By clinic (continued)');
    const last = large.pages.length;
    expect(squashed(large.pages[last - 1] ?? '')).toContain(`page ${last} of ${last}`);
  });
});
