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
  state: 'draft' | 'proposed' | 'confirmation' | 'confirmed' | 'approved';
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
  email: string | null;
  account: CareerAccount;
  change_requests: CareerChangeRequest[];
}

/** The doctor's own account as the centre sees it. */
export interface CareerAccount {
  linked: boolean;
  linked_at: string | null;
  invitation: { email: string; sent_at: string; expires_at: string; invited_by: string; state: 'open' | 'used' | 'expired'; state_label: string } | null;
}

/** A doctor's request for a change of plan, and how the centre handled it. */
export interface CareerChangeRequest {
  id: string;
  body: string;
  author: string;
  plan_version: number | null;
  created_at: string;
  handled: boolean;
  handled_at: string | null;
  handled_by: string | null;
  reply: string | null;
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
  confirmed_by_doctor: (QueueDoctor & { since: string })[];
  change_requests: (QueueDoctor & { request_id: string; body: string; created_at: string })[];
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
  /** Months served in 医師少数区域 per programme and 二次医療圏 (total: the programme's row over every area). */
  by_shortage: { programme_id: string; programme_name: string; area_code: string | null; area: string; total: boolean; doctors: number; months: number; target: number; rate: number }[];
  total: number;
}

/** The statistics' filters as a query string ('' without any): one programme, and the 年度 whose 1 April decides the area. */
export function statisticsQuery(filters: { programmeId: string; year: string }) {
  const q = new URLSearchParams();
  if (filters.programmeId !== '') q.set('programme_id', filters.programmeId);
  if (filters.year !== '') q.set('year', filters.year);
  return q.toString();
}

export function useCareerStatistics(filters: { programmeId: string; year: string } = { programmeId: '', year: '' }) {
  const query = statisticsQuery(filters);
  return useQuery({
    queryKey: [...ROOT, 'statistics', query],
    queryFn: ({ signal }) => apiRequest<CareerStatistics>('GET', `/api/v1/career/statistics${query === '' ? '' : `?${query}`}`, { signal }),
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

export function useInviteDoctor(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ account: CareerAccount }>('POST', `${doctorPath(id)}/invitation`),
    onSuccess: () => client.invalidateQueries({ queryKey: [...ROOT, 'doctor', id] }),
  });
}

export function useHandleChangeRequest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, reply }: { requestId: string; reply: string }) =>
      apiRequest<{ change_requests: CareerChangeRequest[] }>('POST', `${doctorPath(id)}/change-requests/${encodeURIComponent(requestId)}/handled`, {
        body: reply === '' ? {} : { reply },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

/** The URL of the ledger CSV: every doctor's, or one doctor's. */
export function ledgerCsvUrl(id?: string) {
  return id === undefined ? '/api/v1/career/ledger.csv' : `/api/v1/career/ledger.csv?doctor_id=${encodeURIComponent(id)}`;
}

// ---- the doctor's own side ----

export interface CareerInvitation {
  doctor_name: string;
  email: string;
  prefecture_name: string;
  invited_by: string;
  expires_at: string;
}

export function useCareerInvitation(token: string) {
  return useQuery({
    queryKey: ['career-invitation', token],
    enabled: token !== '',
    retry: false,
    queryFn: ({ signal }) => apiRequest<CareerInvitation>('POST', '/api/v1/career/invitation/preview', { body: { token }, signal }),
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (body: { token: string; password?: string }) =>
      apiRequest<{ doctor_id: string; login: string; account_created: boolean }>('POST', '/api/v1/career/invitation/accept', { body }),
  });
}

export interface MyCareerSummary {
  id: string;
  name: string;
  prefecture_name: string;
  status_label: string;
  plan: { state: CareerPlanSummary['state']; state_label: string; version: number } | null;
}

export interface CareerDeadline {
  label: string;
  date: string;
  date_label: string;
  kind: 'confirmation' | 'obligation_end' | 'rule' | 'certificate';
}

export interface MyCareerRecord {
  id: string;
  name: string;
  prefecture_name: string;
  kind_label: string;
  university: string;
  graduation_year: number;
  status_label: string;
  obligation_start: string;
  loan_months: number;
  programme: { name: string; version: number; rules: CareerRule[] } | null;
  plan: (CareerPlanSummary & { assignments: CareerAssignment[]; updated_by: string; updated_at: string }) | null;
  ledger: CareerLedger | null;
  deadlines: CareerDeadline[];
  change_requests: CareerChangeRequest[];
}

const MINE = ['my-career'] as const;
const myPath = (id: string) => `/api/v1/me/career/${encodeURIComponent(id)}`;

export function useMyCareer() {
  return useQuery({ queryKey: [...MINE], queryFn: ({ signal }) => apiRequest<{ items: MyCareerSummary[] }>('GET', '/api/v1/me/career', { signal }) });
}

export function useMyCareerRecord(id: string) {
  return useQuery({ queryKey: [...MINE, id], queryFn: ({ signal }) => apiRequest<MyCareerRecord>('GET', myPath(id), { signal }) });
}

export function useConfirmMyPlan(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiRequest<{ plan: CareerPlanSummary }>('POST', `${myPath(id)}/confirm`, { body: { version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: MINE }),
  });
}

export function useRequestChange(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiRequest<{ change_requests: CareerChangeRequest[] }>('POST', `${myPath(id)}/change-requests`, { body: { body } }),
    onSuccess: () => client.invalidateQueries({ queryKey: MINE }),
  });
}

/** The registry from a CSV file as it is: the server finds its encoding (UTF-8, with or without a BOM, or Windows-31J). */
export function useImportRegistry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) =>
      apiRequest<{ imported: number; ids: string[] }>('POST', '/api/v1/career/doctors/import', { rawBody: { contentType: 'text/csv', data: file } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

// ---- 募集の依頼: the centre asks a platform facility to recruit for a plan's open slot ----

/** An open slot of a plan: a period without assignment, or a planned assignment at a platform facility. */
export interface RecruitSlot {
  kind: 'gap' | 'assignment';
  start: string;
  end: string;
  assignment_id: string | null;
  facility_id: string | null;
  facility_name: string | null;
  department: string | null;
}
export interface RecruitFacility {
  id: string;
  name: string;
  area_name: string | null;
  shortage_area: boolean;
}
/** A request as the centre reads it (with doctor_id) or the facility (never the doctor). */
export interface RecruitRequest {
  id: string;
  centre_name: string;
  facility_id: string;
  facility_name: string;
  start: string;
  end: string;
  specialty: string | null;
  department: string | null;
  note: string | null;
  state: 'sent' | 'posted' | 'declined';
  state_label: string;
  posting_id: string | null;
  decline_reason: string | null;
  created_by: string;
  created_at: string;
  handled_by: string | null;
  handled_at: string | null;
}
export interface RecruitOptions {
  slots: RecruitSlot[];
  facilities: RecruitFacility[];
  requests: RecruitRequest[];
}

export function useRecruitOptions(doctorId: string) {
  return useQuery({
    queryKey: [...ROOT, 'recruit', doctorId],
    queryFn: ({ signal }) => apiRequest<RecruitOptions>('GET', `${doctorPath(doctorId)}/recruit-requests`, { signal }),
  });
}

export function useSendRecruitRequest(doctorId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiRequest<RecruitRequest>('POST', `${doctorPath(doctorId)}/recruit-requests`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...ROOT, 'recruit', doctorId] }),
  });
}

const FACILITY_RECRUIT = ['careers', 'facility-recruit'] as const;

export function useFacilityRecruitRequests() {
  return useQuery({
    queryKey: FACILITY_RECRUIT,
    queryFn: ({ signal }) => apiRequest<{ items: RecruitRequest[] }>('GET', '/api/v1/facility/recruit-requests', { signal }),
  });
}

export function useRecruitRequestPosting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<{ request: RecruitRequest; posting_id: string }>('POST', `/api/v1/facility/recruit-requests/${encodeURIComponent(id)}/posting`),
    onSuccess: () => client.invalidateQueries({ queryKey: FACILITY_RECRUIT }),
  });
}

export function useDeclineRecruitRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiRequest<RecruitRequest>('POST', `/api/v1/facility/recruit-requests/${encodeURIComponent(id)}/decline`, { body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: FACILITY_RECRUIT }),
  });
}
