import { useBedsTranslation, type BedsKey } from './i18n/beds_i18n';

/**
 * Names of the bed codes in the UI language. The server sends Japanese names
 * with its reference list; our own wording covers English, and a code we do
 * not know yet (a newer server) shows the server's name, else the code.
 */
export function useBedLabels() {
  const { t } = useBedsTranslation();
  const label = (group: 'wardTypes' | 'patientCategories' | 'statuses', code: string, serverName?: string) =>
    t(`${group}.${code}` as BedsKey, { defaultValue: serverName ?? code });
  return {
    wardType: (code: string, serverName?: string) => label('wardTypes', code, serverName),
    patientCategory: (code: string, serverName?: string) => label('patientCategories', code, serverName),
    status: (code: string, serverName?: string) => label('statuses', code, serverName),
  };
}
