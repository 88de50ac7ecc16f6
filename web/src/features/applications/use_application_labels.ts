import { isApplicationKind } from './api/applications_api';
import { useApplicationsTranslation } from './i18n/applications_i18n';
import { isStage } from './stages';

/**
 * Names of stages and kinds in the UI language. A code this version does not
 * know (a newer server) is shown with the server's own name, else as the code.
 */
export function useApplicationLabels() {
  const { t } = useApplicationsTranslation();
  return {
    stage: (code: string, serverName?: string) => (isStage(code) ? t(`stages.${code}`) : (serverName ?? code)),
    kind: (code: string) => (isApplicationKind(code) ? t(`kinds.${code}`) : code),
  };
}
