import { describe, expect, it } from 'vitest';
import { POSTING_CSV_COLUMNS, REQUIRED_CSV_COLUMNS, rowErrors, TEMPLATE_HEADER_ROW } from './csv_columns';

describe('CSV columns', () => {
  it('are the server template header row, with every code of docs/openapi.yaml', () => {
    expect(TEMPLATE_HEADER_ROW).toBe(
      'タイトル,職種,診療科,雇用形態,勤務開始日,勤務終了日,期間（月数）,勤務曜日,勤務時間,フルタイム,当直・オンコール,緊急度,募集人数,業務内容,応募要件,給与,待遇・福利厚生,研修受講への同意,郵便番号,都道府県,市区町村,町名・番地,建物名・施設名,二次医療圏,担当者名,担当部署・所在地,電話番号,メールアドレス,マスキング希望,状態',
    );
    expect(POSTING_CSV_COLUMNS.map((column) => column.code).join(',')).toBe(
      'title,category,specialty,employment,start_date,end_date,period_months,weekdays,hours,full_time,night_duty,urgency,positions,duties,requirements,pay,benefits,training_agreed,postal_code,prefecture,municipality,street,building,area,contact_name,contact_location,contact_phone,contact_email,masked,status',
    );
  });

  it('mark the required ones, among the listed columns', () => {
    const codes = new Set<string>(POSTING_CSV_COLUMNS.map((column) => column.code));
    expect([...REQUIRED_CSV_COLUMNS].every((code) => codes.has(code))).toBe(true);
    expect(REQUIRED_CSV_COLUMNS.has('prefecture')).toBe(false);
    expect(REQUIRED_CSV_COLUMNS.has('municipality')).toBe(true);
  });

  it('list row errors in row order', () => {
    expect(rowErrors({ row_10: '10行目: x', row_3: '3行目: y', other: 'z' })).toEqual([
      { row: 3, message: '3行目: y' },
      { row: 10, message: '10行目: x' },
      { row: Number.MAX_SAFE_INTEGER, message: 'z' },
    ]);
  });
});
