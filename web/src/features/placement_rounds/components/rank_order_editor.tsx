import { useId, useState } from 'react';
import { Button } from '../../../shared/ui/button';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';
import { moveItem } from '../rank_order';

/** The texts the editor says, under `order` and under `myOrder`. */
type EditorText = 'ranked' | 'unranked' | 'emptyRanked' | 'emptyUnranked' | 'position' | 'up' | 'down' | 'upShort' | 'downShort' | 'remove' | 'add' | 'save' | 'saving';

export interface RankCandidate {
  id: string;
  name: string;
  /** A line under the name (university, graduation year, wished specialty). */
  detail?: string;
}

interface RankOrderEditorProps {
  candidates: readonly RankCandidate[];
  /** The ids ranked now, best first. */
  initial: readonly string[];
  busy: boolean;
  disabled?: boolean;
  /** The level of the two list headings: one below the heading the editor sits under. */
  headingLevel?: 3 | 4;
  /** Whose list it is: a facility's of doctors (`order`, the default) or a doctor's of facilities (`myOrder`). */
  texts?: 'order' | 'myOrder';
  onSave: (ids: string[]) => void;
}

/**
 * A facility's ranks of its applicants: the ranked ones in order, moved with 「上へ」「下へ」 buttons (no dragging,
 * so it works with a keyboard, a screen reader and a finger alike), and the others, who are not acceptable, below.
 * Callers give it a `key` of the saved order so that it starts again from what the server keeps.
 */
export function RankOrderEditor({ candidates, initial, busy, disabled = false, headingLevel = 4, texts = 'order', onSave }: RankOrderEditorProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { t: translate } = usePlacementRoundsTranslation();
  const t = (key: `order.${EditorText}`, options?: Record<string, string | number>) =>
    translate(`${texts}.${key.slice('order.'.length) as EditorText}`, options);
  const known = new Set(candidates.map((c) => c.id));
  const [ranked, setRanked] = useState<string[]>(() => initial.filter((id) => known.has(id)));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const unranked = candidates.filter((c) => !ranked.includes(c.id));
  const rankedHeading = useId();
  const unrankedHeading = useId();

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <Heading id={rankedHeading} className="text-std-17B-170 text-solid-gray-900">
          {t('order.ranked')}
        </Heading>
        {ranked.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-800">{t('order.emptyRanked')}</p>
        ) : (
          <ol aria-labelledby={rankedHeading} className="flex flex-col gap-2">
            {ranked.map((id, index) => {
              const c = byId.get(id);
              const name = c?.name ?? id;
              return (
                <li key={id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-3 desktop:flex-row desktop:items-center">
                  <div className="flex min-w-0 flex-1 items-baseline gap-3">
                    <span className="shrink-0 text-std-17B-170 text-solid-gray-900">{t('order.position', { n: index + 1 })}</span>
                    <span className="min-w-0">
                      <span className="block text-std-16B-170 text-solid-gray-900">{name}</span>
                      {c?.detail !== undefined && <span className="block text-std-16N-170 text-solid-gray-700">{c.detail}</span>}
                    </span>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Button variant="secondary" aria-label={t('order.up', { name })} disabled={disabled || index === 0} onClick={() => setRanked((all) => moveItem(all, index, -1))}>
                      {t('order.upShort')}
                    </Button>
                    <Button
                      variant="secondary"
                      aria-label={t('order.down', { name })}
                      disabled={disabled || index === ranked.length - 1}
                      onClick={() => setRanked((all) => moveItem(all, index, 1))}
                    >
                      {t('order.downShort')}
                    </Button>
                    <Button variant="text" disabled={disabled} onClick={() => setRanked((all) => all.filter((x) => x !== id))}>
                      {t('order.remove', { name })}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <div className="flex flex-col gap-2">
        <Heading id={unrankedHeading} className="text-std-17B-170 text-solid-gray-900">
          {t('order.unranked')}
        </Heading>
        {unranked.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-800">{t('order.emptyUnranked')}</p>
        ) : (
          <ul aria-labelledby={unrankedHeading} className="flex flex-col gap-2">
            {unranked.map((c) => (
              <li key={c.id} className="flex flex-col gap-2 rounded-8 border border-dashed border-solid-gray-420 bg-solid-gray-50 p-3 desktop:flex-row desktop:items-center">
                <span className="min-w-0 flex-1">
                  <span className="block text-std-16B-170 text-solid-gray-900">{c.name}</span>
                  {c.detail !== undefined && <span className="block text-std-16N-170 text-solid-gray-700">{c.detail}</span>}
                </span>
                <Button variant="secondary" disabled={disabled} onClick={() => setRanked((all) => [...all, c.id])}>
                  {t('order.add', { name: c.name })}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {!disabled && (
        <div>
          <Button busy={busy} onClick={() => !busy && onSave(ranked)}>
            {busy ? t('order.saving') : t('order.save')}
          </Button>
        </div>
      )}
    </div>
  );
}
