/**
 * Shows a calendar date (YYYY-MM-DD, as the API sends dates) the way readers
 * expect it: 2027年1月8日（金） in Japanese, Fri 8 Jan 2027 in English. The
 * date is a day in Japan, so it is formatted without any time-zone shift.
 * Anything that is not such a date is shown as it is.
 */
export function formatDate(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) {
    return isoDate;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) {
    return isoDate;
  }
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: 'UTC',
    year: 'numeric',
    month: language === 'en' ? 'short' : 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(date);
}
