import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

/** One rule of a programme version (rules are data: a kind and its parameters). */
export interface CareerRule {
  id: string;
  kind: string;
  label: string;
  months: number;
  description: string;
  loan_factor?: number;
  year?: number;
  group?: string;
  group_name?: string;
  reason?: string;
}

export interface CareerGroup {
  code: string;
  name: string;
  members: string[];
}

export interface CareerProgramme {
  id: string;
  name: string;
  basic_area: string;
  course: string | null;
  target_years: number;
  current_version: number;
  version: number;
  rules: CareerRule[];
  groups: CareerGroup[];
  created_by: string;
  created_at: string;
}

export interface CareerPlanSummary {
  state: 'draft' | 'proposed' | 'confirmation' | 'approved';
  state_label: string;
  version: number;
  violations: number;
}

export interface CareerDoctorSummary {
  id: string;
  name: string;
  kind_label: string;
  university: string;
  graduation_year: number;
  status: string;
  status_label: string;
  programme_name: string | null;
  programme_version: number | null;
  plan: CareerPlanSummary | null;
}

/** An assignment of a plan as the API takes and returns it. */
export interface CareerAssignment {
  id?: string;
  kind: string;
  facility_name: string;
  area_code: string | null;
  interruption_reason: string | null;
  start: string;
  end: string;
  out_of_prefecture: boolean;
  actual: boolean;
}

export interface CareerDoctor extends CareerDoctorSummary {
  name_kana: string | null;
  loan_months: number;
  obligation_start: string;
  status_history: {
    status_label: string;
    date: string;
    reason_label: string | null;
    consent: boolean | null;
    follow_up: string | null;
    created_by: string;
    created_at: string;
  }[];
  programme: CareerProgramme | null;
  plan: (CareerPlanSummary & { assignments: CareerAssignment[]; updated_by: string; updated_at: string }) | null;
  plan_versions: { version: number; state_label: string; change: string; created_by: string; created_at: string }[];
}

export interface CareerFinding {
  severity: 'violation' | 'warning';
  code: string;
  message: string;
  assignment_id: string | null;
}

export interface CareerRuleState {
  rule_id: string;
  label: string;
  description: string;
  state: 'met' | 'on_track' | 'at_risk' | 'broken';
  state_label: string;
  message: string;
}

export interface CareerCheck {
  valid: boolean;
  violations: number;
  warnings: number;
  findings: CareerFinding[];
  rules: CareerRuleState[];
  summary: {
    start: string;
    deadline: string;
    required_months: number;
    extension_months: number;
    served_months: number;
    served_shortage_months: number;
    served_out_of_prefecture_months: number;
    interruption_months: number;
    projected_months: number;
    remaining_months: number;
  };
}

export interface CareerLedgerMonth {
  month: string;
  assignment_id: string | null;
  kind_label?: string;
  facility_name?: string;
  shortage_area?: boolean;
  out_of_prefecture?: boolean;
  actual?: boolean;
  past: boolean;
  in_period: boolean;
}

export interface CareerLedger extends CareerCheck {
  months: CareerLedgerMonth[];
}

interface QueueDoctor {
  id: string;
  name: string;
  status_label: string;
}
export interface CareerQueue {
  no_assignment: QueueDoctor[];
  rules_at_risk: (QueueDoctor & { rules: { state_label: string; message: string }[] })[];
  awaiting_confirmation: (QueueDoctor & { since: string })[];
  certificates: { due: string; doctors: QueueDoctor[] };
  interruptions_ending: (QueueDoctor & { ends: string; reason_label: string })[];
}

const ROOT = ['careers'] as const;
const doctorPath = (id: string) => `/api/v1/career/doctors/${encodeURIComponent(id)}`;

export function useCareerQueue() {
  return useQuery({ queryKey: [...ROOT, 'queue'], queryFn: ({ signal }) => apiRequest<CareerQueue>('GET', '/api/v1/career/queue', { signal }) });
}

export function useCareerProgrammes() {
  return useQuery({
    queryKey: [...ROOT, 'programmes'],
    queryFn: ({ signal }) => apiRequest<{ items: CareerProgramme[] }>('GET', '/api/v1/career/programmes', { signal }),
  });
}

export function useCreateProgramme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiRequest<CareerProgramme>('POST', '/api/v1/career/programmes', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export function useCareerDoctors() {
  return useQuery({
    queryKey: [...ROOT, 'doctors'],
    queryFn: ({ signal }) => apiRequest<{ items: CareerDoctorSummary[]; total: number }>('GET', '/api/v1/career/doctors', { signal }),
  });
}

export function useRegisterDoctor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiRequest<CareerDoctor>('POST', '/api/v1/career/doctors', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export function useCareerDoctor(id: string) {
  return useQuery({ queryKey: [...ROOT, 'doctor', id], queryFn: ({ signal }) => apiRequest<CareerDoctor>('GET', doctorPath(id), { signal }) });
}

export function useCareerLedger(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ROOT, 'ledger', id],
    enabled,
    queryFn: ({ signal }) => apiRequest<CareerLedger>('GET', `${doctorPath(id)}/ledger`, { signal }),
  });
}

/** The engine's verdict on a plan that is not saved (the editor asks on every change). */
export function checkPlan(id: string, assignments: CareerAssignment[], signal?: AbortSignal) {
  return apiRequest<CareerCheck>('POST', `${doctorPath(id)}/plan/check`, { body: { assignments }, signal });
}

export function useSavePlan(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assignments: CareerAssignment[]) =>
      apiRequest<{ plan: CareerPlanSummary; check: CareerCheck }>('PUT', `${doctorPath(id)}/plan`, { body: { assignments } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export function usePlanState(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (state: 'confirmation' | 'approved') =>
      apiRequest<{ plan: CareerPlanSummary }>('POST', `${doctorPath(id)}/plan/state`, { body: { state } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export function useChangeStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiRequest<CareerDoctor>('POST', `${doctorPath(id)}/status`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

export type StatusCounts = Record<string, number> & { total: number };
export interface CareerStatistics {
  statuses: { code: string; label: string }[];
  by_area: { specialty: string; area: string; status_label: string; count: number }[];
  by_cohort: (StatusCounts & { cohort: number; completion_rate: number; withdrawal_rate: number })[];
  by_kind: (StatusCounts & { kind: string; kind_label: string })[];
  total: number;
}

export function useCareerStatistics() {
  return useQuery({
    queryKey: [...ROOT, 'statistics'],
    queryFn: ({ signal }) => apiRequest<CareerStatistics>('GET', '/api/v1/career/statistics', { signal }),
  });
}

export interface CareerInterview {
  id: string;
  held_on: string;
  kind_label: string;
  body: string;
  created_by: string;
}

export function useCareerInterviews(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'interviews', id],
    queryFn: ({ signal }) => apiRequest<{ items: CareerInterview[] }>('GET', `${doctorPath(id)}/interviews`, { signal }),
  });
}

export function useAddInterview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiRequest<{ items: CareerInterview[] }>('POST', `${doctorPath(id)}/interviews`, { body }),
    onSuccess: (answer) => client.setQueryData([...ROOT, 'interviews', id], answer),
  });
}
