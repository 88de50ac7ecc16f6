import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of the placement rounds' wording (features/placement_rounds/i18n/ja.json, en.json). */
export const PLACEMENT_ROUNDS_NAMESPACE = 'placement_rounds';

export type PlacementRoundsKey = ResourceKey<typeof ja>;

export const usePlacementRoundsTranslation = registerFeatureTranslations(PLACEMENT_ROUNDS_NAMESPACE, { ja, en });
