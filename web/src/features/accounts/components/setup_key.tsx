import { useId, useState } from 'react';
import { Button } from '../../../shared/ui/button';
import { useAccountsTranslation } from '../i18n/accounts_i18n';
import { groupSetupKey } from '../utils/setup_key_format';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The secret for typing into the app by hand, in groups of four, with a
 * button that copies it without the spaces. When the browser refuses the
 * clipboard the key is selected, so the user can copy it themselves.
 */
export function SetupKey({ secret }: { secret: string }) {
  const { t } = useAccountsTranslation();
  const [state, setState] = useState<CopyState>('idle');
  const keyId = useId();

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(secret.replace(/\s+/g, ''));
      setState('copied');
    } catch {
      const element = document.getElementById(keyId);
      const selection = window.getSelection();
      if (element !== null && selection !== null) {
        selection.selectAllChildren(element);
      }
      setState('failed');
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <p className="text-std-16B-170 text-solid-gray-900">
        {t('secondFactor.enrolment.keyLabel')}
      </p>
      <div className="flex flex-col gap-2 desktop:flex-row desktop:items-center">
        <code
          id={keyId}
          className="min-w-0 flex-1 break-words rounded-8 border border-solid-gray-420 bg-solid-gray-50 px-3 py-2 font-mono text-std-17B-170 tracking-wide text-solid-gray-900"
        >
          {groupSetupKey(secret)}
        </code>
        <Button variant="secondary" className="min-h-11 shrink-0 px-3" onClick={() => void copy()}>
          {t('secondFactor.enrolment.copy')}
        </Button>
      </div>
      <p role="status" className="text-dns-14N-130 text-solid-gray-700">
        {state === 'copied' && t('secondFactor.enrolment.copied')}
        {state === 'failed' && t('secondFactor.enrolment.copyFailed')}
      </p>
    </div>
  );
}
