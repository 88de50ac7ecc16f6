import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import type { MeetingSummary } from './meetings_api';

/** The work-environment centre's data (GET/POST /api/v1/workenv/...). Doctors are codes, never names. */

export type Light = 'green' | 'yellow' | 'red' | 'grey';

export interface ReadinessItem {
  key: string;
  label: string;
  light: Light;
  text: string;
  due: string | null;
}

export interface HospitalRef {
  id: string;
  name: string;
  prefecture: string;
}

export interface GridRow {
  hospital: HospitalRef;
  on_platform: boolean;
  items: ReadinessItem[];
  latest_month: string | null;
}

export interface HoursSummary {
  doctors: number;
  over_80: number;
  over_100: number;
  over_155: number;
  interview_gaps: number;
  projected_over_cap: number;
  ytd_over_cap: number;
  continuous_breaches: number;
  interval_breaches: number;
  rest_owed: number;
  at_risk: number;
  max_month_hours: number;
}

export interface DoctorHours {
  doctor_code: string;
  department: string;
  level: string;
  month: string;
  month_hours: number;
  ytd_hours: number;
  projected_hours: number;
  cap_hours: number;
  cap_own_hours: number | null;
  projected_own_hours: number;
  longest_continuous_hours: number;
  interval_shortfalls: number;
  rest_owed_hours: number;
  interview_done: boolean;
  flags: string[];
  notes: string[];
  hospital?: HospitalRef;
}

export interface WorkenvCase {
  id: string;
  hospital: HospitalRef;
  kind: string;
  kind_label: string;
  channel: string;
  channel_label: string;
  topics: string[];
  topic_labels: string[];
  title: string;
  status: string;
  status_label: string;
  overdue: boolean;
  due_date: string | null;
  assignee: { id: string; name: string } | null;
  created_at: string;
  activities?: { at: string; kind: string; body: string; by: string | null }[];
  next_statuses?: { status: string; label: string }[];
}

export interface Visit {
  id: string;
  hospital: HospitalRef;
  case_id: string | null;
  planned_date: string;
  status: string;
  status_label: string;
  follow_up: boolean;
  attendees: string[];
  report: string | null;
  next_steps: string | null;
}

export interface HospitalPage {
  hospital: HospitalRef;
  on_platform: boolean;
  state: Record<string, unknown>;
  items: ReadinessItem[];
  can_edit: boolean;
  can_see_hours: boolean;
  viewer: 'centre' | 'facility' | 'secretariat';
  evaluation_due: string | null;
  plan_review_due: string | null;
  latest_month: string | null;
  hours_summary: HoursSummary | null;
  priority?: { points: number; note: string | null };
  cases?: WorkenvCase[];
  visits?: Visit[];
}

export interface HoursPage {
  hospital: HospitalRef;
  month: string | null;
  months: string[];
  summary: HoursSummary | null;
  doctors: DoctorHours[];
  uploads: { id: string; month: string; rows: number; current: boolean; uploaded_at: string; uploaded_by: string | null }[];
}

export interface PriorityItem {
  rank: number;
  hospital: HospitalRef;
  score: number;
  reasons: { code: string; points: number; text: string }[];
  manual_points: number;
  manual_note: string | null;
}

export interface Choice {
  code: string;
  label: string;
}

export interface Today {
  today: string;
  due_cases: WorkenvCase[];
  my_cases: WorkenvCase[];
  proposed_visits: Visit[];
  upcoming_visits: Visit[];
  top_priorities: { rank: number; hospital: HospitalRef; score: number; reasons: string[] }[];
  hospitals: number;
  open_cases: number;
  interview_gaps: number;
  projected_over_cap: number;
  /** Meetings whose minutes were not sent within their series' days. */
  late_minutes: MeetingSummary[];
}

const KEY = ['workenv'] as const;
const get = <T,>(path: string) => ({ queryKey: [...KEY, path], queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<T>('GET', path, { signal }) });

export const useToday = () => useQuery(get<Today>('/api/v1/workenv/today'));
export const useGrid = () => useQuery(get<{ items: GridRow[]; total: number; columns: { key: string; label: string }[]; today: string }>('/api/v1/workenv/hospitals'));
export const useHospital = (id: string) => useQuery(get<HospitalPage>(`/api/v1/workenv/hospitals/${encodeURIComponent(id)}`));
export const useMyHospital = () => useQuery(get<HospitalPage>('/api/v1/workenv/my-hospital'));
export const useHours = (id: string, month: string | null) =>
  useQuery(get<HoursPage>(`/api/v1/workenv/hospitals/${encodeURIComponent(id)}/hours${month ? `?month=${encodeURIComponent(month)}` : ''}`));
export const useAtRisk = () => useQuery(get<{ items: DoctorHours[]; total: number }>('/api/v1/workenv/at-risk'));
export const usePriorities = () => useQuery(get<{ items: PriorityItem[]; total: number }>('/api/v1/workenv/priorities'));
export const useCases = () =>
  useQuery(get<{ items: WorkenvCase[]; total: number; choices: { kinds: Choice[]; channels: Choice[]; topics: Choice[]; statuses: Choice[] } }>('/api/v1/workenv/cases'));
export const useCase = (id: string) => useQuery(get<WorkenvCase>(`/api/v1/workenv/cases/${encodeURIComponent(id)}`));
export const useVisits = () => useQuery(get<{ items: Visit[]; total: number }>('/api/v1/workenv/visits'));

/** A write of the module: afterwards every workenv page reads again (the grid, lists and the home all follow). */
function useWorkenvMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: KEY }), queryClient.invalidateQueries({ queryKey: ['me', 'home'] })]),
  });
}

export const useUploadHours = (hospitalId: string) =>
  useWorkenvMutation(({ month, file }: { month: string; file: Blob }) =>
    apiRequest<{ rows: number; month: string; replaced: boolean; summary: HoursSummary }>(
      'POST',
      `/api/v1/workenv/hospitals/${encodeURIComponent(hospitalId)}/hours?month=${encodeURIComponent(month)}`,
      { rawBody: { contentType: 'text/csv', data: file } },
    ),
  );
export const useUpdateHospital = (hospitalId: string) =>
  useWorkenvMutation((state: Record<string, unknown>) =>
    apiRequest<HospitalPage>('PATCH', `/api/v1/workenv/hospitals/${encodeURIComponent(hospitalId)}`, { body: { state } }),
  );
export const useSetPriority = (hospitalId: string) =>
  useWorkenvMutation((body: { points: number; note: string }) =>
    apiRequest<PriorityItem>('PUT', `/api/v1/workenv/hospitals/${encodeURIComponent(hospitalId)}/priority`, { body }),
  );
export const useCreateCase = () =>
  useWorkenvMutation((body: Record<string, unknown>) => apiRequest<WorkenvCase>('POST', '/api/v1/workenv/cases', { body }));
export const useUpdateCase = (id: string) =>
  useWorkenvMutation((body: Record<string, unknown>) => apiRequest<WorkenvCase>('PATCH', `/api/v1/workenv/cases/${encodeURIComponent(id)}`, { body }));
export const useCreateVisit = () =>
  useWorkenvMutation((body: Record<string, unknown>) => apiRequest<Visit>('POST', '/api/v1/workenv/visits', { body }));
export const useUpdateVisit = (id: string) =>
  useWorkenvMutation((body: Record<string, unknown>) => apiRequest<Visit>('PATCH', `/api/v1/workenv/visits/${encodeURIComponent(id)}`, { body }));

export interface ReportCounts {
  consultations: number;
  by_channel: Record<string, number>;
  by_topic: Record<string, number>;
  visits: number;
  follow_up_visits: number;
  hospitals_supported: number;
  special_support: number;
  briefings: number;
  briefing_attendees: number;
  /** Meetings held, by the kind of their series (council 運営協議会, liaison 実務者連絡調整会議). */
  meetings: number;
  meetings_by_kind: Record<string, number>;
}
export interface ActivityReport {
  fiscal_year: number;
  months: (ReportCounts & { month: string })[];
  total: ReportCounts;
  channels: Choice[];
  topics: Choice[];
  meeting_kinds: Choice[];
}
export const useActivityReport = (fiscalYear: string | null) =>
  useQuery(get<ActivityReport>(`/api/v1/workenv/report${fiscalYear ? `?fiscal_year=${encodeURIComponent(fiscalYear)}` : ''}`));
