/**
 * Kept so that imports of the former module keep working: the one
 * implementation is in format_date.ts, with formatDate.
 */
export { formatDateTime } from './format_date';
