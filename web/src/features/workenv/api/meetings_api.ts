import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

/** The centre's meetings and minutes (GET/POST /api/v1/workenv/meetings...). People by name and organisation. */

export interface SeriesRef {
  id: string;
  kind: 'council' | 'liaison';
  kind_label: string;
  title: string;
  minutes_due_days: number;
}

export interface Series extends SeriesRef {
  prefecture: string;
  bureau_email: string;
  invited: string[];
  meetings: number;
  late_minutes: number;
  last_held_on: string | null;
  next_on: string | null;
}

export type MinutesStatus = 'none' | 'draft' | 'confirming' | 'locked';

export interface MeetingSummary {
  id: string;
  series: SeriesRef;
  held_on: string;
  place: string;
  minutes_status: MinutesStatus;
  minutes_status_label: string;
  minutes_due_on: string;
  minutes_late: boolean;
  participants: number;
  confirmed: number;
  commented: number;
  open_actions: number;
  locked_at: string | null;
}

export interface ActionItem {
  id: string;
  meeting_id: string;
  title: string;
  owner: string;
  due_date: string;
  status: 'open' | 'done';
  status_label: string;
  decided_on: string;
  done_on: string | null;
  overdue: boolean;
}

export interface AgendaItem {
  position: number;
  title: string;
  outcome_kind: 'shared' | 'decided' | 'action' | null;
  outcome_kind_label: string | null;
  outcome: string;
}

export interface Participant {
  id: string;
  name: string;
  organisation: string;
  kind: string | null;
  kind_label: string;
  response: { decision: 'confirmed' | 'commented'; label: string; comment: string; version: number; at: string; current: boolean } | null;
}

export interface Meeting {
  id: string;
  series: SeriesRef;
  prefecture: string;
  held_on: string;
  place: string;
  invited: string[];
  participants: Participant[];
  items: AgendaItem[];
  actions: ActionItem[];
  carried_actions: ActionItem[];
  minutes: { status: MinutesStatus; status_label: string; body: string; version: number; due_on: string; late: boolean; to: string; locked_at: string | null };
  responses: { by: string; decision: string; label: string; comment: string; version: number; at: string }[];
  sends: {
    id: string;
    to: string;
    version: number;
    at: string;
    attempts: number;
    kind: 'lock' | 'resend';
    kind_label: string;
    status: 'queued' | 'failed' | 'sent' | 'withdrawn';
    status_label: string;
    error: string | null;
    delivered_at: string | null;
    sent_by: string | null;
  }[];
  history: { at: string; event: string; detail: string; by: string | null }[];
  can_edit: boolean;
  can_manage_actions: boolean;
  can_write_minutes: boolean;
  can_respond: boolean;
  can_resend: boolean;
}

const KEY = ['workenv'] as const;
const get = <T,>(path: string) => ({ queryKey: [...KEY, path], queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<T>('GET', path, { signal }) });

export const useSeries = () => useQuery(get<{ items: Series[]; total: number; can_create: boolean }>('/api/v1/workenv/meetings/series'));
export const useMeetings = () => useQuery(get<{ items: MeetingSummary[]; total: number; late: number }>('/api/v1/workenv/meetings'));
export const useMeeting = (id: string) => useQuery(get<Meeting>(`/api/v1/workenv/meetings/${encodeURIComponent(id)}`));
export const useMembers = () =>
  useQuery(get<{ items: { id: string; name: string; kind: string | null; kind_label: string; people: { id: string; name: string }[] }[] }>('/api/v1/workenv/members'));

/** A write: afterwards every workenv page reads again (lists, the meeting, the home's counts). */
function useMeetingMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: KEY }), queryClient.invalidateQueries({ queryKey: ['me', 'home'] })]),
  });
}

const meetingPath = (id: string, rest = '') => `/api/v1/workenv/meetings/${encodeURIComponent(id)}${rest}`;

export const useCreateSeries = () =>
  useMeetingMutation((body: Record<string, unknown>) => apiRequest<Series>('POST', '/api/v1/workenv/meetings/series', { body }));
export const useUpdateSeries = (id: string) =>
  useMeetingMutation((body: Record<string, unknown>) => apiRequest<Series>('PATCH', `/api/v1/workenv/meetings/series/${encodeURIComponent(id)}`, { body }));
export const useCreateMeeting = () =>
  useMeetingMutation((body: Record<string, unknown>) => apiRequest<Meeting>('POST', '/api/v1/workenv/meetings', { body }));
export const useUpdateMeeting = (id: string) =>
  useMeetingMutation((body: Record<string, unknown>) => apiRequest<Meeting>('PATCH', meetingPath(id), { body }));
export const useAddAction = (id: string) =>
  useMeetingMutation((body: { title: string; owner: string; due_date: string }) => apiRequest<ActionItem>('POST', meetingPath(id, '/actions'), { body }));
export const useUpdateAction = () =>
  useMeetingMutation(({ id, ...body }: { id: string; status: 'open' | 'done' }) =>
    apiRequest<ActionItem>('PATCH', `/api/v1/workenv/meetings/actions/${encodeURIComponent(id)}`, { body }),
  );
export const useSaveMinutes = (id: string) =>
  useMeetingMutation((body: { body: string }) => apiRequest<Meeting>('PUT', meetingPath(id, '/minutes'), { body }));
export const useRequestConfirmation = (id: string) =>
  useMeetingMutation(() => apiRequest<Meeting>('POST', meetingPath(id, '/minutes/confirmation-request')));
export const useRespondMinutes = (id: string) =>
  useMeetingMutation((body: { decision: 'confirmed' | 'commented'; comment?: string }) =>
    apiRequest<Meeting>('POST', meetingPath(id, '/minutes/responses'), { body }),
  );
export const useLockMinutes = (id: string) => useMeetingMutation(() => apiRequest<Meeting>('POST', meetingPath(id, '/minutes/lock')));
export const useResendMinutes = (id: string) => useMeetingMutation(() => apiRequest<Meeting>('POST', meetingPath(id, '/minutes/resend')));
