import { useTranslation } from 'react-i18next';

/** The first thing keyboard users reach: it jumps past the header (WCAG 2.4.1). */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation();
  return (
    <a
      href={`#${targetId}`}
      className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-8 focus:bg-white focus:px-4 focus:py-3 focus:text-std-16B-170 focus:text-blue-1000 focus:underline"
    >
      {t('layout.skipToContent')}
    </a>
  );
}
