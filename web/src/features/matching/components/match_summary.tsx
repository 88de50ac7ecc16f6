import { useId } from 'react';
import { useMatchingTranslation } from '../i18n/matching_i18n';
import { reasonKey } from '../reasons';

/**
 * A match's score and the reasons for it, as tags. The list is named
 * (「一致した理由」) so a screen reader says what the tags are.
 */
export function MatchSummary({ score, reasons }: { score: number; reasons: readonly string[] }) {
  const { t } = useMatchingTranslation();
  const labelId = useId();
  return (
    <div className="flex flex-col gap-2 border-t border-solid-gray-200 pt-3">
      <p className="text-std-16N-170 text-solid-gray-800">
        <span className="font-700">{t('score.label')}</span> <span data-match-score>{t('score.value', { score })}</span>
      </p>
      {reasons.length > 0 && (
        <div className="flex flex-col gap-1">
          <p id={labelId} className="text-dns-14B-130 text-solid-gray-700">
            {t('reasons.label')}
          </p>
          <ul aria-labelledby={labelId} className="flex flex-wrap gap-2">
            {reasons.map((reason) => {
              const key = reasonKey(reason);
              return (
                <li
                  key={reason}
                  className="inline-flex items-center rounded-full border border-blue-900 bg-blue-50 px-3 py-0.5 text-dns-14N-130 text-blue-1000"
                >
                  {key === null ? reason : t(`reasons.items.${key}`)}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
