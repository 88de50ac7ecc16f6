import { ACCEPTANCE_STATUSES, type AcceptanceStatus, type BedReport, type BedReportInput, type WardCount } from './api/beds_api';

/**
 * The report form keeps one row per ward type and one choice per patient
 * category, as strings the inputs hold. Only rows with numbers are sent, so
 * the server's `wards.N.field` counts N in the sent list, not on the form:
 * `remapWardErrorKeys` turns those keys back into the row they came from.
 */

export const WARD_COUNT_FIELDS = ['permitted', 'secured', 'vacant'] as const;
export type WardCountField = (typeof WARD_COUNT_FIELDS)[number];

export type ReportFormValues = Record<string, string>;

/** The form field of one number of one ward type, e.g. `ward.icu.vacant`. */
export function wardFieldName(wardType: string, field: WardCountField): string {
  return `ward.${wardType}.${field}`;
}

/** The form field of one patient category; the server's own key, so its messages land there unchanged. */
export function acceptanceFieldName(category: string): string {
  return `acceptance.${category}`;
}

export const NOTE_FIELD = 'note';

/** Every field of the form, in the order they appear (for the error summary). */
export function reportFieldOrder(wardTypes: readonly string[], categories: readonly string[]): string[] {
  return [
    ...wardTypes.flatMap((type) => WARD_COUNT_FIELDS.map((field) => wardFieldName(type, field))),
    ...categories.map(acceptanceFieldName),
    NOTE_FIELD,
  ];
}

/** The form filled in from the latest report (what changes is usually a few numbers), or empty. */
export function initialReportValues(
  wardTypes: readonly string[],
  categories: readonly string[],
  latest: BedReport | null | undefined,
): ReportFormValues {
  const values: ReportFormValues = {};
  for (const type of wardTypes) {
    const ward = latest?.wards.find((w) => w.ward_type === type);
    for (const field of WARD_COUNT_FIELDS) {
      values[wardFieldName(type, field)] = ward === undefined ? '' : String(ward[field]);
    }
  }
  for (const category of categories) {
    const status = latest?.acceptance[category];
    values[acceptanceFieldName(category)] = status !== undefined && isAcceptanceStatus(status) ? status : '';
  }
  values[NOTE_FIELD] = latest?.note ?? '';
  return values;
}

/** Full-width digits (as a Japanese input method types them) become ASCII; surrounding spaces go. */
export function normaliseCount(value: string): string {
  return value.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).trim();
}

/** A row is left out when all three numbers are empty. */
export function isEmptyWardRow(values: ReportFormValues, wardType: string): boolean {
  return WARD_COUNT_FIELDS.every((field) => normaliseCount(values[wardFieldName(wardType, field)] ?? '') === '');
}

export type WardIssue = 'required' | 'notInteger';

/**
 * What the browser can tell before sending: a started row needs all three
 * numbers, each a whole number from 0. Whether they fit together (空床数 not
 * above 許可病床数 …) is the server's to say, in its own words.
 */
export function wardIssues(values: ReportFormValues, wardTypes: readonly string[]): { field: string; issue: WardIssue }[] {
  const issues: { field: string; issue: WardIssue }[] = [];
  for (const type of wardTypes) {
    if (isEmptyWardRow(values, type)) {
      continue;
    }
    for (const field of WARD_COUNT_FIELDS) {
      const name = wardFieldName(type, field);
      const value = normaliseCount(values[name] ?? '');
      if (value === '') {
        issues.push({ field: name, issue: 'required' });
      } else if (!/^\d{1,6}$/.test(value)) {
        issues.push({ field: name, issue: 'notInteger' });
      }
    }
  }
  return issues;
}

/**
 * The request body and the ward type of each sent row, in order
 * (`sentWardTypes[N]` is the row the server calls `wards.N`).
 */
export function reportInputFromValues(
  values: ReportFormValues,
  wardTypes: readonly string[],
  categories: readonly string[],
): { input: BedReportInput; sentWardTypes: string[] } {
  const wards: WardCount[] = [];
  const sentWardTypes: string[] = [];
  for (const type of wardTypes) {
    if (isEmptyWardRow(values, type)) {
      continue;
    }
    const count = (field: WardCountField) => Number(normaliseCount(values[wardFieldName(type, field)] ?? ''));
    wards.push({ ward_type: type, permitted: count('permitted'), secured: count('secured'), vacant: count('vacant') });
    sentWardTypes.push(type);
  }
  const acceptance: Record<string, AcceptanceStatus> = {};
  for (const category of categories) {
    const status = values[acceptanceFieldName(category)] ?? '';
    if (isAcceptanceStatus(status)) {
      acceptance[category] = status;
    }
  }
  return { input: { wards, acceptance, note: (values[NOTE_FIELD] ?? '').trim() }, sentWardTypes };
}

/**
 * The server's field keys with `wards.N.<field>` turned into the form field
 * of the row that was sent N-th. A message about the row itself
 * (`wards.N.ward_type`, `wards.N`) goes to the row's first number. Other keys
 * (`acceptance.emergency`, `note`, `wards`) are left as they are.
 */
export function remapWardErrorKeys(fields: Readonly<Record<string, string>>, sentWardTypes: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const match = /^wards\.(\d+)(?:\.(\w+))?$/.exec(key);
    const wardType = match === null ? undefined : sentWardTypes[Number(match[1])];
    let target = key;
    if (match !== null && wardType !== undefined) {
      const field = match[2];
      target = wardFieldName(wardType, isWardCountField(field) ? field : 'permitted');
    }
    result[target] = result[target] === undefined ? message : `${result[target]} ${message}`;
  }
  return result;
}

function isWardCountField(value: string | undefined): value is WardCountField {
  return value !== undefined && (WARD_COUNT_FIELDS as readonly string[]).includes(value);
}

export function isAcceptanceStatus(value: string): value is AcceptanceStatus {
  return (ACCEPTANCE_STATUSES as readonly string[]).includes(value);
}
