/**
 * The columns of POST /api/v1/postings/import (docs/openapi.yaml, docs/operations.md §10): each has its code
 * and the Japanese header of the server's template (GET /api/v1/postings/import/template.csv), and a file may
 * name it either way, in any order. The list is in the template's order; the page explains it column by column.
 */
export const POSTING_CSV_COLUMNS = [
  { code: 'title', header: 'タイトル' },
  { code: 'category', header: '職種' },
  { code: 'specialty', header: '診療科' },
  { code: 'employment', header: '雇用形態' },
  { code: 'start_date', header: '勤務開始日' },
  { code: 'end_date', header: '勤務終了日' },
  { code: 'period_months', header: '期間（月数）' },
  { code: 'weekdays', header: '勤務曜日' },
  { code: 'hours', header: '勤務時間' },
  { code: 'full_time', header: 'フルタイム' },
  { code: 'night_duty', header: '当直・オンコール' },
  { code: 'urgency', header: '緊急度' },
  { code: 'positions', header: '募集人数' },
  { code: 'duties', header: '業務内容' },
  { code: 'requirements', header: '応募要件' },
  { code: 'pay', header: '給与' },
  { code: 'benefits', header: '待遇・福利厚生' },
  { code: 'training_agreed', header: '研修受講への同意' },
  { code: 'postal_code', header: '郵便番号' },
  { code: 'prefecture', header: '都道府県' },
  { code: 'municipality', header: '市区町村' },
  { code: 'street', header: '町名・番地' },
  { code: 'building', header: '建物名・施設名' },
  { code: 'area', header: '二次医療圏' },
  { code: 'contact_name', header: '担当者名' },
  { code: 'contact_location', header: '担当部署・所在地' },
  { code: 'contact_phone', header: '電話番号' },
  { code: 'contact_email', header: 'メールアドレス' },
  { code: 'masked', header: 'マスキング希望' },
  { code: 'status', header: '状態' },
] as const;

export type PostingCsvColumn = (typeof POSTING_CSV_COLUMNS)[number]['code'];

/**
 * Columns every file must have (the server also needs specialty for doctors and a period unless 無期;
 * an empty prefecture is taken from the municipality).
 */
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
  'municipality',
  'street',
  'contact_name',
  'contact_phone',
  'contact_email',
  'masked',
]);

/** The template's header row. */
export const TEMPLATE_HEADER_ROW = POSTING_CSV_COLUMNS.map((column) => column.header).join(',');

/** Where the server serves the template (Windows-31J, for Excel), a download for facility staff. */
export const TEMPLATE_URL = '/api/v1/postings/import/template.csv';

/** Row messages of a refused import, in file order (shared with the other CSV uploads). */
export { rowErrors } from '../../shared/ui/csv_upload';
