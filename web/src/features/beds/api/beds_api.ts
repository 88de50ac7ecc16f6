import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

/** A code with the server's Japanese name (ward types, patient categories, acceptance statuses). */
export interface NamedCode {
  code: string;
  name: string;
}

/** GET /api/v1/beds/reference. */
export interface BedReference {
  ward_types: NamedCode[];
  patient_categories: NamedCode[];
  statuses: NamedCode[];
}

export const ACCEPTANCE_STATUSES = ['ok', 'conditional', 'no'] as const;
export type AcceptanceStatus = (typeof ACCEPTANCE_STATUSES)[number];

export interface WardCount {
  ward_type: string;
  permitted: number;
  secured: number;
  vacant: number;
}

/** One report of a facility; every report is kept (the history). */
export interface BedReport {
  id: string;
  facility_id: string;
  reported_at: string;
  /** The user ID of whoever reported. */
  reported_by: string;
  wards: WardCount[];
  /** Per patient category code; a category the facility left out is absent. */
  acceptance: Record<string, string>;
  note?: string | null;
}

/** The body of POST /api/v1/beds/reports. */
export interface BedReportInput {
  wards: WardCount[];
  acceptance: Record<string, AcceptanceStatus>;
  note: string;
}

/** A facility on the board: where it is, its totals and its latest report (null before the first). */
export interface BoardRow {
  facility_id: string;
  name: string;
  prefecture: string;
  prefecture_name: string;
  area?: string | null;
  area_name?: string | null;
  municipality?: string | null;
  municipality_name?: string | null;
  address?: string | null;
  permitted?: number | null;
  secured?: number | null;
  vacant?: number | null;
  latest: BedReport | null;
}

export interface BoardResult {
  items: BoardRow[];
  total: number;
  page: number;
  per_page: number;
}

export interface FacilityBeds extends BoardRow {
  history: BedReport[];
}

const BEDS_KEY = ['beds'] as const;

export function useBedReference() {
  return useQuery({
    queryKey: [...BEDS_KEY, 'reference'],
    queryFn: ({ signal }) => apiRequest<BedReference>('GET', '/api/v1/beds/reference', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The board; `query` is what the filters produce. The last rows stay on screen while the next page loads. */
export function useBedBoard(query: string) {
  return useQuery({
    queryKey: [...BEDS_KEY, 'board', query],
    queryFn: ({ signal }) => apiRequest<BoardResult>('GET', `/api/v1/beds/board?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFacilityBeds(id: string) {
  return useQuery({
    queryKey: [...BEDS_KEY, 'facility', id],
    queryFn: ({ signal }) => apiRequest<FacilityBeds>('GET', `/api/v1/beds/facilities/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The facility's own reports, newest first. */
export function useMyBedReports() {
  return useQuery({
    queryKey: [...BEDS_KEY, 'reports'],
    queryFn: ({ signal }) => apiRequest<{ items: BedReport[]; total: number }>('GET', '/api/v1/beds/reports?per_page=20', { signal }),
  });
}

export function useSubmitBedReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BedReportInput) => apiRequest<BedReport>('POST', '/api/v1/beds/reports', { body: input }),
    // The history, the board and the facility's page all show the new report.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BEDS_KEY }),
  });
}
