import { TextLink } from '../../../shared/ui/text_link';
import { useMyRounds } from '../api/placement_rounds_api';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

/** On 「私のキャリアプラン」: the way to the placement rounds the doctor takes part in (nothing when there is none). */
export function MyPlacementRoundsLink() {
  const { t } = usePlacementRoundsTranslation();
  const rounds = useMyRounds();
  if (rounds.data === undefined || rounds.data.items.length === 0) return null;
  return (
    <p className="text-std-16B-170">
      <TextLink to="/me/placement">{t('mine.myCareerLink')}</TextLink>
    </p>
  );
}
