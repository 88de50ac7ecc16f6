import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

/** Placement rounds (配属先選定, issue 14): docs/openapi.yaml, tag placement_rounds. */

export type Mechanism = 'fda' | 'jrmp' | 'da';

export interface PlacementRoundSummary {
  id: string;
  year: number;
  title: string;
  centre_name: string;
  programme_id: string | null;
  programme_name: string | null;
  mechanism: Mechanism;
  mechanism_label: string;
  assignment_kind: string;
  assignment_kind_label: string;
  state: 'open' | 'confirmed';
  state_label: string;
  term_start: string;
  term_end: string;
  doctor_deadline: string;
  facility_deadline: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
  /** When the centre opened it for ranking (the doctors and facilities were told), or null. */
  ranking_opened_at: string | null;
  ranking_opened_by: string | null;
  /** A follow-up round (二次選定): the round it carries over from. */
  previous_round_id: string | null;
}

export interface RoundListItem extends PlacementRoundSummary {
  positions: number;
  seats: number;
  doctors_ranked: number;
}

export interface RoundPosition {
  id: string;
  facility_id: string | null;
  facility_name: string;
  department: string | null;
  name: string;
  area_code: string;
  area_name: string;
  designation: string | null;
  capacity: number;
  target: number;
  on_platform: boolean;
  applicants: number;
  facility_ranked: number;
  facility_ranked_by: { kind: string; kind_label: string; name: string; at: string } | null;
}

export interface RoundCap {
  id: string;
  name: string;
  cap: number;
  designation: string | null;
  area_codes: string[];
  areas: { code: string; name: string; designation: string | null }[];
}

export interface RoundResultRow {
  doctor_id: string;
  name: string;
  mailed: boolean;
  position_id?: string;
  position_name?: string;
  area_name?: string;
  plan?: { version: number; state: string; state_label: string; violations: number } | null;
  plan_message?: string | null;
}

export interface UnfilledSeat {
  position_id: string;
  name: string;
  capacity: number;
  target: number;
  filled: number;
  seats: number;
}

export interface PlacementRound extends PlacementRoundSummary {
  positions: RoundPosition[];
  caps: RoundCap[];
  seats: number;
  eligible_doctors: number;
  doctors_ranked: number;
  meeting_on: string | null;
  minutes: string | null;
  deadlines_passed: { doctor: boolean; facility: boolean };
  previous_round: { id: string; title: string } | null;
  follow_up_round: { id: string; title: string } | null;
  latest_preview: { id: string; seq: number; created_at: string; created_by: string; current: boolean } | null;
  result: {
    placed: RoundResultRow[];
    unmatched: RoundResultRow[];
    unfilled: UnfilledSeat[];
    facilities_notified: string[];
    facilities_without_account: string[];
  } | null;
}

export interface EnteredBy {
  kind: string;
  kind_label: string;
  by: string;
  at: string;
  interview_on?: string | null;
}

export interface RanksDoctor {
  id: string;
  name: string;
  university: string;
  graduation_year: number;
  specialty_wish: string | null;
  programme_name: string | null;
  ranks: { position_id: string; name: string; rank: number }[];
  entered: EnteredBy | null;
}

export interface RanksPosition extends Omit<RoundPosition, 'applicants' | 'facility_ranked' | 'facility_ranked_by'> {
  applicants: { id: string; name: string }[];
  ranks: { doctor_id: string; name: string; rank: number }[];
  entered: EnteredBy | null;
}

export interface RoundRanks {
  round_id: string;
  state: 'open' | 'confirmed';
  doctors: RanksDoctor[];
  positions: RanksPosition[];
}

export interface PreviewReason {
  position_id: string;
  name: string;
  reason: 'not_ranked' | 'no_seats' | 'filled' | 'region_cap' | 'blocking';
  message: string;
}

export interface PreviewDoctor {
  id: string;
  name: string;
  ranked: number;
  assigned: { position_id: string; name: string; area_name: string } | null;
  choice: number | null;
  reasons: PreviewReason[];
}

export interface PreviewArea {
  code: string;
  name: string;
  designation: string | null;
  capacity: number;
  target: number;
  filled: number;
  cap_id: string | null;
  cap_name: string | null;
}

export interface PreviewCap {
  id: string;
  name: string;
  cap: number;
  filled: number;
  remaining: number;
  at_cap: boolean;
  areas: string[];
}

export interface PreviewDiff {
  previous_seq: number;
  previous_created_at: string;
  changes: string[];
  moved: { doctor_id: string; name: string; from: string | null; to: string | null }[];
  fill: { kind: 'area' | 'cap'; id: string; name: string; from: number; to: number }[];
  placed_from: number;
  placed_to: number;
}

export interface PlacementPreview {
  id: string;
  seq: number;
  current: boolean;
  created_by: string;
  created_at: string;
  mechanism: Mechanism;
  mechanism_label: string;
  caps_applied: boolean;
  doctors_total: number;
  placed: number;
  seats: number;
  doctors: PreviewDoctor[];
  unmatched: { id: string; name: string }[];
  positions: (RoundPosition & { filled: number; doctors: { id: string; name: string }[] })[];
  unfilled: UnfilledSeat[];
  areas: PreviewArea[];
  caps: PreviewCap[];
  audit: { stable: boolean; caps_respected: boolean };
  diff: PreviewDiff | null;
}

export interface PlacementFacilities {
  items: { id: string; name: string; area_code: string | null; area_name: string | null }[];
  areas: { code: string; name: string; designation: string | null }[];
}

export interface FacilityRoundListItem {
  id: string;
  title: string;
  year: number;
  centre_name: string;
  state: 'open' | 'confirmed';
  state_label: string;
  facility_deadline: string;
  deadline_passed: boolean;
  term_start: string;
  term_end: string;
  positions: { id: string; name: string; capacity: number; applicants: number; ranked: number }[];
}

export interface FacilityApplicant {
  id: string;
  name: string;
  university: string;
  graduation_year: number;
  specialty_wish: string | null;
  rank: number | null;
}

export interface FacilityRound {
  id: string;
  title: string;
  year: number;
  centre_name: string;
  state: 'open' | 'confirmed';
  state_label: string;
  facility_deadline: string;
  deadline_passed: boolean;
  term_start: string;
  term_end: string;
  assignment_kind_label: string;
  positions: (Omit<RoundPosition, 'applicants' | 'facility_ranked' | 'facility_ranked_by' | 'facility_id'> & {
    applicants: FacilityApplicant[];
    entered: EnteredBy | null;
    placed: { id: string; name: string }[] | null;
  })[];
}

const ROOT = ['placement_rounds'] as const;
const roundPath = (id: string) => `/api/v1/placement/rounds/${encodeURIComponent(id)}`;
const facilityRoundPath = (id: string) => `/api/v1/placement/facility/rounds/${encodeURIComponent(id)}`;

export function usePlacementRounds() {
  return useQuery({
    queryKey: [...ROOT, 'list'],
    queryFn: ({ signal }) => apiRequest<{ items: RoundListItem[] }>('GET', '/api/v1/placement/rounds', { signal }),
  });
}

export function useCreateRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiRequest<PlacementRound>('POST', '/api/v1/placement/rounds', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export function usePlacementRound(id: string) {
  return useQuery({ queryKey: [...ROOT, 'round', id], queryFn: ({ signal }) => apiRequest<PlacementRound>('GET', roundPath(id), { signal }) });
}

/** The centre's programmes, to open a round for one of them (their names only). */
export function useCentreProgrammes() {
  return useQuery({
    queryKey: [...ROOT, 'programmes'],
    queryFn: ({ signal }) => apiRequest<{ items: { id: string; name: string }[] }>('GET', '/api/v1/career/programmes', { signal }),
  });
}

export function usePlacementFacilities() {
  return useQuery({
    queryKey: [...ROOT, 'facilities'],
    queryFn: ({ signal }) => apiRequest<PlacementFacilities>('GET', '/api/v1/placement/facilities', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** A write on a round: the answer is the round (or its lists); everything about the round is read again. */
function useRoundWrite<T>(id: string, method: 'PUT' | 'POST', suffix: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiRequest<T>(method, `${roundPath(id)}${suffix}`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export const useUpdateRound = (id: string) => useRoundWrite<PlacementRound>(id, 'PUT', '');
export const useSavePositions = (id: string) => useRoundWrite<PlacementRound>(id, 'PUT', '/positions');
export const useSaveCaps = (id: string) => useRoundWrite<PlacementRound>(id, 'PUT', '/caps');
export const useConfirmRound = (id: string) => useRoundWrite<PlacementRound>(id, 'POST', '/confirm');
export const useSaveMinutes = (id: string) => useRoundWrite<PlacementRound>(id, 'PUT', '/minutes');
export const useOpenRanking = (id: string) => useRoundWrite<PlacementRound>(id, 'POST', '/open-ranking');
export const useCreateFollowUp = (id: string) => useRoundWrite<PlacementRound>(id, 'POST', '/follow-up');
/** The confirmed result for Excel (Windows-31J): a plain link, the browser downloads it. */
export const resultCsvUrl = (id: string) => `${roundPath(id)}/result.csv`;

export function useRoundRanks(id: string) {
  return useQuery({ queryKey: [...ROOT, 'ranks', id], queryFn: ({ signal }) => apiRequest<RoundRanks>('GET', `${roundPath(id)}/ranks`, { signal }) });
}

export function useSaveDoctorRanks(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ doctorId, positionIds, interviewOn }: { doctorId: string; positionIds: string[]; interviewOn: string }) =>
      apiRequest<RoundRanks>('PUT', `${roundPath(id)}/doctors/${encodeURIComponent(doctorId)}/ranks`, {
        body: { position_ids: positionIds, ...(interviewOn !== '' ? { interview_on: interviewOn } : {}) },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export function useSavePositionRanks(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ positionId, doctorIds }: { positionId: string; doctorIds: string[] }) =>
      apiRequest<RoundRanks>('PUT', `${roundPath(id)}/positions/${encodeURIComponent(positionId)}/ranks`, { body: { doctor_ids: doctorIds } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export function useLatestPreview(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'preview', id],
    queryFn: ({ signal }) => apiRequest<{ preview: PlacementPreview | null }>('GET', `${roundPath(id)}/previews/latest`, { signal }),
  });
}

export function useRunPreview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<PlacementPreview>('POST', `${roundPath(id)}/previews`),
    onSuccess: (preview) => {
      client.setQueryData([...ROOT, 'preview', id], { preview });
      // Read again too: a refetch started by an earlier write must not leave the older preview on screen.
      void client.invalidateQueries({ queryKey: [...ROOT, 'preview', id] });
      void client.invalidateQueries({ queryKey: [...ROOT, 'round', id] });
      void client.invalidateQueries({ queryKey: [...ROOT, 'list'] });
    },
  });
}

export function useFacilityRounds() {
  return useQuery({
    queryKey: [...ROOT, 'facility', 'list'],
    queryFn: ({ signal }) => apiRequest<{ items: FacilityRoundListItem[] }>('GET', '/api/v1/placement/facility/rounds', { signal }),
  });
}

export function useFacilityRound(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'facility', 'round', id],
    queryFn: ({ signal }) => apiRequest<FacilityRound>('GET', facilityRoundPath(id), { signal }),
  });
}

export function useSaveFacilityRanks(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ positionId, doctorIds }: { positionId: string; doctorIds: string[] }) =>
      apiRequest<FacilityRound>('PUT', `${facilityRoundPath(id)}/positions/${encodeURIComponent(positionId)}/ranks`, {
        body: { doctor_ids: doctorIds },
      }),
    onSuccess: (round) => {
      client.setQueryData([...ROOT, 'facility', 'round', id], round);
      void client.invalidateQueries({ queryKey: [...ROOT, 'facility', 'list'] });
      void client.invalidateQueries({ queryKey: ['me', 'home'] });
    },
  });
}

// ---- a doctor linked to the registry (their own account) ----

export interface MyRoundListItem {
  id: string;
  title: string;
  year: number;
  centre_name: string;
  state: 'open' | 'confirmed';
  state_label: string;
  doctor_deadline: string;
  deadline_passed: boolean;
  term_start: string;
  term_end: string;
  ranked: number;
  has_result: boolean;
}

export interface MyRoundPosition {
  id: string;
  name: string;
  facility_name: string;
  department: string | null;
  area_code: string;
  area_name: string;
  designation: string | null;
  capacity: number;
}

export interface MyRound {
  id: string;
  title: string;
  year: number;
  centre_name: string;
  state: 'open' | 'confirmed';
  state_label: string;
  term_start: string;
  term_end: string;
  assignment_kind_label: string;
  doctor_deadline: string;
  deadline_passed: boolean;
  editable: boolean;
  doctor: { id: string; name: string };
  positions: MyRoundPosition[];
  /** The doctor's own list: position ids, best first. */
  ranks: string[];
  entered: { kind: string; kind_label: string; at: string } | null;
  result: {
    assigned: { name: string; facility_name: string; department: string | null; area_name: string } | null;
    choice: number | null;
    reasons: { name: string; message: string }[];
  } | null;
}

const myRoundPath = (id: string) => `/api/v1/me/placement/rounds/${encodeURIComponent(id)}`;

export function useMyRounds() {
  return useQuery({
    queryKey: [...ROOT, 'mine', 'list'],
    queryFn: ({ signal }) => apiRequest<{ items: MyRoundListItem[] }>('GET', '/api/v1/me/placement/rounds', { signal }),
  });
}

export function useMyRound(id: string) {
  return useQuery({ queryKey: [...ROOT, 'mine', 'round', id], queryFn: ({ signal }) => apiRequest<MyRound>('GET', myRoundPath(id), { signal }) });
}

export function useSaveMyRanks(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (positionIds: string[]) => apiRequest<MyRound>('PUT', `${myRoundPath(id)}/ranks`, { body: { position_ids: positionIds } }),
    onSuccess: (round) => {
      client.setQueryData([...ROOT, 'mine', 'round', id], round);
      void client.invalidateQueries({ queryKey: [...ROOT, 'mine', 'list'] });
    },
  });
}
