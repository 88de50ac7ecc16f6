import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonKey, type ReasonDetail } from './reasons';

/**
 * A match's score on its stated scale (「N点（100点満点）」) and the reasons
 * for it, as tags: the one way every page shows a score (the seeker's
 * recommended postings, the facility's candidates, the coordinator's
 * candidate search). The list is named (「一致した理由」) so a screen reader
 * says what the tags are.
 *
 * With `details` (candidates of a posting), the reasons go both ways: each
 * tag carries a visible ＋ or － and a spoken 「良い点」/「気になる点」, and the
 * minus ones are drawn with a dashed border, so the direction never rests on
 * colour alone.
 */
export function MatchSummary({ score, reasons, details }: { score: number; reasons: readonly string[]; details?: readonly ReasonDetail[] }) {
  const { t } = useTranslation();
  const labelId = useId();
  const legendId = useId();
  const shown = details !== undefined && details.length > 0 ? details : null;
  const wording = (reason: string) => {
    const key = reasonKey(reason);
    return key === null ? reason : t(`matchSummary.reasons.items.${key}`);
  };
  return (
    <div className="flex flex-col gap-2 border-t border-solid-gray-200 pt-3">
      <p className="text-std-16N-170 text-solid-gray-800">
        <span className="font-700">{t('matchSummary.score.label')}</span> <span data-match-score>{t('matchSummary.score.value', { score })}</span>
      </p>
      {shown !== null ? (
        <div className="flex flex-col gap-1">
          <p id={labelId} className="text-dns-14B-130 text-solid-gray-700">
            {t('matchSummary.reasons.detailedLabel')}
          </p>
          <p id={legendId} className="text-dns-14N-130 text-solid-gray-700">
            {t('matchSummary.reasons.legend')}
          </p>
          <ul aria-labelledby={labelId} aria-describedby={legendId} className="flex flex-wrap gap-2">
            {shown.map((detail) => (
              <li
                key={detail.text}
                data-reason-effect={detail.effect}
                className={`inline-flex items-center gap-1 rounded-full border px-3 py-0.5 text-dns-14N-130 ${
                  detail.effect === 'plus' ? 'border-solid border-blue-900 bg-blue-50 text-blue-1000' : 'border-dashed border-solid-gray-600 bg-white text-solid-gray-800'
                }`}
              >
                <span aria-hidden="true" className="font-700">
                  {detail.effect === 'plus' ? '＋' : '－'}
                </span>
                <span className="sr-only">{detail.effect === 'plus' ? t('matchSummary.reasons.plus') : t('matchSummary.reasons.minus')}</span>
                <span>{wording(detail.text)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        reasons.length > 0 && (
          <div className="flex flex-col gap-1">
            <p id={labelId} className="text-dns-14B-130 text-solid-gray-700">
              {t('matchSummary.reasons.label')}
            </p>
            <ul aria-labelledby={labelId} className="flex flex-wrap gap-2">
              {reasons.map((reason) => (
                <li
                  key={reason}
                  className="inline-flex items-center rounded-full border border-blue-900 bg-blue-50 px-3 py-0.5 text-dns-14N-130 text-blue-1000"
                >
                  {wording(reason)}
                </li>
              ))}
            </ul>
          </div>
        )
      )}
    </div>
  );
}
