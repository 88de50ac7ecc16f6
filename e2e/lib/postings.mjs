// Steps on the posting pages: filling the posting form the way a facility
// user does, reading the management page's counts, and CSV files for import.
import assert from 'node:assert/strict';
import { field } from './pages.mjs';

/** A date `days` from today in Japan, as YYYY-MM-DD (what date inputs take). */
export function daysFromToday(days) {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(date);
}

/** A radio button or checkbox inside the fieldset whose legend starts with `legend`. */
export function choice(page, legend, label) {
  const escaped = legend.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('group', { name: new RegExp(`^${escaped}`) }).getByLabel(label, { exact: true });
}

/**
 * 公開する on the posting form, then 公開する in the question that follows (who will be notified, and how).
 * Returns the question's text about the notices.
 */
export async function publishFromForm(page) {
  await page.getByRole('button', { name: '公開する', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /を公開しますか？$/ });
  await dialog.waitFor();
  const notice = await dialog.locator('[data-notice-preview]').textContent();
  await dialog.getByRole('button', { name: '公開する', exact: true }).click();
  return notice;
}

/**
 * Fills the posting form. The postal code is typed and looked up, and the
 * test checks that the lookup filled the prefecture, municipality and town
 * before the street number is added.
 */
export async function fillPostingForm(page, posting) {
  await field(page, 'タイトル').fill(posting.title);
  await field(page, '職種').selectOption({ label: posting.category });
  await choice(page, '雇用形態', posting.employment).check();
  await choice(page, '緊急度', posting.urgency).check();
  await field(page, '募集人数').fill(String(posting.positions));
  await field(page, '勤務開始日').fill(posting.startDate);
  if (posting.periodMonths !== undefined) {
    await field(page, '期間（月数）').fill(String(posting.periodMonths));
  }
  for (const weekday of posting.weekdays ?? []) {
    await choice(page, '勤務曜日', weekday).check();
  }
  await field(page, '勤務時間').fill(posting.hours ?? '');
  await field(page, '業務内容').fill(posting.duties);
  await field(page, '研修受講を採用条件とすることに同意する').check();

  // A new posting starts with the facility's own street: cleared, so the look-up fills in the town.
  await field(page, '町名・番地').fill('');
  await field(page, '郵便番号').fill(posting.postalCode);
  await page.getByText(/^郵便番号から住所を入力しました/).waitFor();
  assert.equal(await field(page, '都道府県').inputValue(), posting.expectedPrefecture);
  // The municipality field (a combobox) holds the chosen code; its name shows once the prefecture's list has loaded.
  assert.equal(await field(page, '市区町村').getAttribute('data-code'), posting.expectedMunicipality);
  assert.equal(await field(page, '町名・番地').inputValue(), posting.expectedTown);
  await field(page, '町名・番地').fill(posting.street);
  await field(page, '建物名・施設名').fill(posting.building ?? '');

  await field(page, '担当者名').fill(posting.contactName);
  await field(page, '担当部署・所在地').fill(posting.contactLocation ?? '');
  await field(page, '電話番号').fill(posting.phone);
  await field(page, 'メールアドレス').fill(posting.email);
  if (posting.masked) {
    await field(page, '公開時に一定情報をマスキングすることを希望する').check();
  }
}

/** The management page's total 「全N件」. */
export async function facilityPostingTotal(page) {
  const text = await page.locator('[data-total-count]').textContent();
  const match = /全(\d+)件/.exec(text ?? '');
  assert.ok(match, `no total on the management page: ${text}`);
  return Number(match[1]);
}

export const POSTING_CSV_HEADER =
  'title,category,specialty,employment,start_date,end_date,period_months,weekdays,hours,full_time,night_duty,urgency,positions,duties,requirements,pay,benefits,training_agreed,postal_code,prefecture,municipality,street,building,area,contact_name,contact_location,contact_phone,contact_email,masked,status';

/** One CSV row of a valid nurse posting in Chiyoda; `overrides` replace cells by column name. */
export function postingCsvRow(overrides = {}) {
  const row = {
    title: 'E2E CSV',
    category: 'nurse',
    specialty: '',
    employment: 'fixed_term',
    start_date: daysFromToday(40),
    end_date: '',
    period_months: '2',
    weekdays: 'mon tue',
    hours: '9:00-17:00',
    full_time: '1',
    night_duty: '0',
    urgency: 'regular',
    positions: '1',
    duties: '病棟での看護業務',
    requirements: '',
    pay: '時給 2,000円',
    benefits: '',
    training_agreed: '1',
    postal_code: '1000001',
    prefecture: '13',
    municipality: '131016',
    street: '千代田1-1',
    building: '',
    area: '',
    contact_name: '採用担当',
    contact_location: '',
    contact_phone: '03-1234-5678',
    contact_email: 'recruit@example.jp',
    masked: '0',
    status: 'draft',
    ...overrides,
  };
  return POSTING_CSV_HEADER.split(',')
    .map((column) => {
      const value = row[column];
      return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(',');
}

/** The Japanese header row of the server's CSV template (what a clerk's Excel file starts with). */
export const POSTING_CSV_HEADER_JA =
  'タイトル,職種,診療科,雇用形態,勤務開始日,勤務終了日,期間（月数）,勤務曜日,勤務時間,フルタイム,当直・オンコール,緊急度,募集人数,業務内容,応募要件,給与,待遇・福利厚生,研修受講への同意,郵便番号,都道府県,市区町村,町名・番地,建物名・施設名,二次医療圏,担当者名,担当部署・所在地,電話番号,メールアドレス,マスキング希望,状態';

/** Windows-31J (Shift_JIS) bytes of a text, as Excel saves a CSV: a table built from the WHATWG Shift_JIS decoder. */
const WINDOWS_31J = (() => {
  const table = new Map();
  const decoder = new TextDecoder('shift_jis');
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
})();
export function windows31j(text) {
  const bytes = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else if (WINDOWS_31J.has(char)) bytes.push(...WINDOWS_31J.get(char));
    else throw new Error(`not in Windows-31J: ${char}`);
  }
  return Buffer.from(bytes);
}
