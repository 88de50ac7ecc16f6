import { useId, useState } from 'react';
import { Button } from '../../../shared/ui/button';
import { useFeedsTranslation } from '../i18n/feeds_i18n';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A feed URL shown in full (it can be selected by hand) with a button that
 * copies it. The outcome is announced politely; when the browser refuses the
 * clipboard, the URL is selected so the user can copy it themselves.
 */
export function CopyableUrl({ label, url, feedName }: { label: string; url: string; feedName: string }) {
  const { t } = useFeedsTranslation();
  const [state, setState] = useState<CopyState>('idle');
  const urlId = useId();

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      const element = document.getElementById(urlId);
      const selection = window.getSelection();
      if (element !== null && selection !== null) {
        selection.selectAllChildren(element);
      }
      setState('failed');
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <p className="text-std-16B-170 text-solid-gray-900">{label}</p>
      <div className="flex flex-col gap-2 desktop:flex-row desktop:items-center">
        <code id={urlId} className="min-w-0 flex-1 break-all rounded-8 border border-solid-gray-420 bg-solid-gray-50 px-3 py-2 font-mono text-dns-16N-130 text-solid-gray-900">
          {url}
        </code>
        <Button variant="secondary" className="min-h-11 shrink-0 px-3" onClick={() => void copy()}>
          {t('list.copy')}
          <span className="sr-only">{t('list.copyFor', { label, name: feedName })}</span>
        </Button>
      </div>
      <p role="status" className="text-dns-14N-130 text-solid-gray-700">
        {state === 'copied' && t('list.copied', { label })}
        {state === 'failed' && t('list.copyFailed')}
      </p>
    </div>
  );
}
