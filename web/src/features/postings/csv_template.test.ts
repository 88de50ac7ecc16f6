import { describe, expect, it } from 'vitest';
import { csvCell, csvTemplate, exampleStartDate, POSTING_CSV_COLUMNS, rowErrors } from './csv_template';

/** A small RFC 4180 reader, enough to check what the template says. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += char;
    }
  }
  return rows;
}

describe('CSV template', () => {
  it('starts with exactly the header row of docs/openapi.yaml', () => {
    const template = csvTemplate('2027-01-04');
    expect(template.startsWith('\uFEFF')).toBe(true);
    const header = template.slice(1).split('\r\n')[0];
    expect(header).toBe(
      'title,category,specialty,employment,start_date,end_date,period_months,weekdays,hours,full_time,night_duty,urgency,positions,duties,requirements,pay,benefits,training_agreed,postal_code,prefecture,municipality,street,building,area,contact_name,contact_location,contact_phone,contact_email,masked,status',
    );
  });

  it('has one example row with a cell for every column, quoted where needed', () => {
    const rows = parseCsv(csvTemplate('2027-01-04').slice(1));
    expect(rows).toHaveLength(2);
    const [header, example] = rows as [string[], string[]];
    expect(header).toEqual([...POSTING_CSV_COLUMNS]);
    expect(example).toHaveLength(POSTING_CSV_COLUMNS.length);
    const cell = (column: string) => example[header.indexOf(column)];
    expect(cell('start_date')).toBe('2027-01-04');
    expect(cell('duties')).toBe('病棟での看護業務全般。\n夜勤はありません。');
    expect(cell('pay')).toBe('時給 2,200円〜');
    expect(cell('masked')).toBe('1');
    expect(cell('status')).toBe('draft');
  });

  it('quotes commas, quotes and line breaks, and nothing else', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('suggests a start date about a month ahead', () => {
    expect(exampleStartDate(new Date(2026, 10, 21))).toBe('2026-12-21');
  });

  it('lists row errors in row order', () => {
    expect(rowErrors({ row_10: '10行目: x', row_3: '3行目: y', other: 'z' })).toEqual([
      { row: 3, message: '3行目: y' },
      { row: 10, message: '10行目: x' },
      { row: Number.MAX_SAFE_INTEGER, message: 'z' },
    ]);
  });
});
