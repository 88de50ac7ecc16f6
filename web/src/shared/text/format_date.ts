/**
 * The one way the app shows dates and times to people, in Japan time (the
 * platform's time, whatever the browser's own zone is):
 * - a date: 「2027年1月26日(火)」 (English: Tue 26 Jan 2027);
 * - a date and time: 「2027年1月26日(火) 14:05」 (English: Tue 26 Jan 2027 14:05).
 * The server writes the same in mails, notices and CSV files
 * (format_date_ja / format_datetime_ja in server/src/core/time.h). Built by
 * hand rather than with Intl, whose Japanese output differs between browsers
 * and versions.
 */

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000; // UTC+9, no daylight saving

/** A day and time on the wall clock in Japan; the fields of a Date read with getUTC…. */
function inJapan(instant: Date): Date {
  return new Date(instant.getTime() + JAPAN_OFFSET_MS);
}

function dayText(wall: Date, language: string): string {
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth();
  const day = wall.getUTCDate();
  const weekday = wall.getUTCDay();
  return language === 'en'
    ? `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month]} ${year}`
    : `${year}年${month + 1}月${day}日(${WEEKDAYS_JA[weekday]})`;
}

function timeText(wall: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** A calendar date YYYY-MM-DD as a day of its own (no time-zone shift), or null. */
function calendarDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2027-02-30 over to March: such a date does not exist.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** An ISO 8601 instant (with its offset), or null. */
function instant(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    return null;
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A date: a calendar date as the API sends dates (YYYY-MM-DD), or the day in
 * Japan of an instant. Anything else is shown as it is.
 */
export function formatDate(value: string, language: string): string {
  const day = calendarDate(value);
  if (day !== null) {
    return dayText(day, language);
  }
  const at = instant(value);
  return at === null ? value : dayText(inJapan(at), language);
}

/** A date and time: an ISO 8601 instant in Japan time. Anything else is shown as it is. */
export function formatDateTime(value: string, language: string): string {
  const at = instant(value);
  if (at === null) {
    return value;
  }
  const wall = inJapan(at);
  return `${dayText(wall, language)} ${timeText(wall)}`;
}
