import { useTranslation } from 'react-i18next';

export function LoadingIndicator() {
  const { t } = useTranslation();
  return (
    <p role="status" className="flex items-center gap-3 py-6 text-std-16N-170 text-solid-gray-700">
      <span aria-hidden="true" className="h-5 w-5 motion-safe:animate-spin rounded-full border-2 border-blue-900 border-t-transparent" />
      {t('common.loading')}
    </p>
  );
}
