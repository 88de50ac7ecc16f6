/**
 * The reasons of a match score. The server sends them as Japanese phrases
 * (SPEC.md "Matching": 「希望診療科が一致」「緊急募集」…); the known ones are
 * translated for the English interface, and one this version does not know
 * (a newer server) is shown as the server wrote it rather than dropped.
 */
export const REASON_KEYS = {
  希望診療科が一致: 'specialtyExact',
  診療科の領域が一致: 'specialtyArea',
  専門医取得の支援あり: 'careerSpecialist',
  '復職を支援（ブランク可）': 'careerReturn',
  転科の支援あり: 'careerChange',
  緊急募集: 'urgent',
  新着: 'recent',
  勤務開始日が希望に近い: 'startDate',
  希望の二次医療圏: 'area',
  勤務形態が希望どおり: 'workPattern',
} as const;

export type ReasonKey = (typeof REASON_KEYS)[keyof typeof REASON_KEYS];

/** The translation key of a reason the server sent, or null when it is not a known one. */
export function reasonKey(reason: string): ReasonKey | null {
  return Object.hasOwn(REASON_KEYS, reason) ? REASON_KEYS[reason as keyof typeof REASON_KEYS] : null;
}

/** One reason of a score and which way it moved it (`reason_details` of a match in the API). */
export interface ReasonDetail {
  text: string;
  effect: 'plus' | 'minus';
}
