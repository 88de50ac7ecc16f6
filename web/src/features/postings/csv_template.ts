/**
 * The CSV that POST /api/v1/postings/import takes (docs/openapi.yaml): the
 * header row must be exactly these column names, in this order. The template
 * is built in the browser from this list, so it cannot drift from the page
 * that explains the columns.
 */
export const POSTING_CSV_COLUMNS = [
  'title',
  'category',
  'specialty',
  'employment',
  'start_date',
  'end_date',
  'period_months',
  'weekdays',
  'hours',
  'full_time',
  'night_duty',
  'urgency',
  'positions',
  'duties',
  'requirements',
  'pay',
  'benefits',
  'training_agreed',
  'postal_code',
  'prefecture',
  'municipality',
  'street',
  'building',
  'area',
  'contact_name',
  'contact_location',
  'contact_phone',
  'contact_email',
  'masked',
  'status',
] as const;

export type PostingCsvColumn = (typeof POSTING_CSV_COLUMNS)[number];

/** Columns every row must fill (the server also needs specialty for doctors and a period unless 無期). */
export const REQUIRED_CSV_COLUMNS: ReadonlySet<PostingCsvColumn> = new Set([
  'title',
  'category',
  'employment',
  'start_date',
  'urgency',
  'positions',
  'duties',
  'training_agreed',
  'postal_code',
  'prefecture',
  'municipality',
  'street',
  'contact_name',
  'contact_phone',
  'contact_email',
  'masked',
]);

/** One cell as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break, with quotes doubled. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A valid example posting starting `startDate`: a fixed-term, masked, urgent
 * nurse posting in Chiyoda, Tokyo, saved as a draft. Its duties span two lines
 * and its pay holds a comma, to show how such cells are written.
 */
export function exampleRow(startDate: string): Record<PostingCsvColumn, string> {
  return {
    title: '病棟看護師（3か月）',
    category: 'nurse',
    specialty: '',
    employment: 'fixed_term',
    start_date: startDate,
    end_date: '',
    period_months: '3',
    weekdays: 'mon tue wed thu fri',
    hours: '8:30-17:15',
    full_time: '1',
    night_duty: '0',
    urgency: 'immediate',
    positions: '2',
    duties: '病棟での看護業務全般。\n夜勤はありません。',
    requirements: '看護師免許。病棟経験3年以上',
    pay: '時給 2,200円〜',
    benefits: '交通費支給、制服貸与',
    training_agreed: '1',
    postal_code: '1000001',
    prefecture: '13',
    municipality: '131016',
    street: '千代田1-1',
    building: '',
    area: '',
    contact_name: '採用担当',
    contact_location: '看護部',
    contact_phone: '03-1234-5678',
    contact_email: 'recruit@example.jp',
    masked: '1',
    status: 'draft',
  };
}

/**
 * The template file: a byte-order mark (so spreadsheet programs read it as
 * UTF-8; the server ignores it), the header row and one example row, with the
 * CRLF line ends of RFC 4180.
 */
export function csvTemplate(startDate: string): string {
  const example = exampleRow(startDate);
  return `\uFEFF${csvRow(POSTING_CSV_COLUMNS)}\r\n${csvRow(POSTING_CSV_COLUMNS.map((column) => example[column]))}\r\n`;
}

/** A start date about a month ahead, so the example is still a sensible posting when used. */
export function exampleStartDate(today: Date): string {
  const date = new Date(today.getTime() + 30 * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The row errors of a refused import (`row_2`, `row_10` …), in row order. */
export function rowErrors(fields: Readonly<Record<string, string>>): { row: number; message: string }[] {
  return Object.entries(fields)
    .map(([key, message]) => ({ row: /^row_(\d+)$/.exec(key)?.[1], message }))
    .map(({ row, message }) => ({ row: row === undefined ? Number.MAX_SAFE_INTEGER : Number(row), message }))
    .sort((a, b) => a.row - b.row);
}
