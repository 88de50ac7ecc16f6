import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import type { Posting } from '../../../shared/postings/posting';
import type { AttachmentInput } from '../../../shared/attachments/attachments';
import type { AnonymousSeeker } from '../../../shared/seekers/anonymous_seeker';

/**
 * Applications, their messages, coordination records, interviews and
 * training (docs/openapi.yaml, tag `applications`). The server decides what
 * each viewer may see: a masked posting arrives without the withheld keys,
 * and the seeker's name, contact and licences arrive only where SPEC.md
 * rule 3 allows them. The pages show what is there and nothing else.
 */

export const APPLICATION_KINDS = ['inquiry', 'application', 'contact_request'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export function isApplicationKind(value: string | null): value is ApplicationKind {
  return value !== null && (APPLICATION_KINDS as readonly string[]).includes(value);
}

/** One row of GET /api/v1/applications: the seeker by handle only. */
export interface ApplicationSummary {
  id: string;
  kind: string;
  stage: string;
  stage_name?: string;
  matched: boolean;
  posting_id: string;
  posting_title: string;
  /** null for the seeker of a masked posting until the match. */
  facility_name?: string | null;
  handle: string;
  unread_messages: number;
  updated_at: string;
}

export interface ApplicationList {
  items: ApplicationSummary[];
  total: number;
}

export interface Licence {
  category: string;
  number: string;
}

/** A seeker before disclosure: see AnonymousSeeker. */
export type SeekerConditions = AnonymousSeeker;

/**
 * The seeker as this viewer may see them: the handle and conditions always;
 * `name`, `email`, `phone`, `licences` and `notes` only when disclosed.
 */
export interface ApplicationSeeker extends SeekerConditions {
  name?: string;
  email?: string;
  phone?: string | null;
  licences?: Licence[] | null;
  notes?: string | null;
}

export interface StageEvent {
  at: string;
  /** Who moved it, as the server lets this viewer know (「求職者」 before disclosure). */
  by: string;
  from: string | null;
  to: string;
  to_name?: string;
}

export interface TrainingItem {
  item: string;
  name: string;
  hours: number | null;
  completed_on: string | null;
  done: boolean;
}

export type InterviewStatus = 'proposed' | 'scheduled' | 'held' | 'cancelled';

export interface Interview {
  id: string;
  status: string;
  /** 2026-12-03T10:00+09:00 */
  slots: string[];
  chosen_slot: string | null;
  duration_minutes: number;
  online: boolean;
  place: string | null;
}

export interface Application {
  id: string;
  kind: string;
  stage: string;
  stage_name?: string;
  message: string | null;
  consent: boolean;
  matched: boolean;
  created_at: string;
  updated_at: string;
  posting: Posting;
  seeker: ApplicationSeeker;
  events: StageEvent[];
  training: TrainingItem[];
  interviews: Interview[];
  can_see_records?: boolean;
}

export interface MessageAttachment {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  url: string;
}

export interface ApplicationMessage {
  id: string;
  side: string;
  /** The author as the disclosure rules allow (a handle, 「医療機関」 before the match). */
  author: string;
  mine: boolean;
  body: string;
  created_at: string;
  unread: boolean;
  attachments: MessageAttachment[];
}

export interface MessageList {
  items: ApplicationMessage[];
  total: number;
}

export const RECORD_KINDS = ['note', 'call', 'adjustment'] as const;

export interface CoordinationRecord {
  id: string;
  kind: string;
  body: string;
  follow_up_on: string | null;
  created_at: string;
  author: string;
}

export interface RecordList {
  items: CoordinationRecord[];
  total: number;
}

export interface CreateApplicationInput {
  kind: ApplicationKind;
  message: string;
  consent: boolean;
}

export interface InterviewProposal {
  slots: string[];
  duration_minutes: number;
  online: boolean;
  place?: string;
}

export interface TrainingInput {
  hours?: number;
  completed_on: string;
}

export interface RecordInput {
  kind: string;
  body: string;
  follow_up_on?: string;
}

export const APPLICATIONS_KEY = ['applications'] as const;
const LIST_KEY = [...APPLICATIONS_KEY, 'list'] as const;

export function applicationKey(id: string) {
  return [...APPLICATIONS_KEY, 'detail', id] as const;
}

export function messagesKey(id: string) {
  return [...APPLICATIONS_KEY, 'messages', id] as const;
}

function recordsKey(id: string) {
  return [...APPLICATIONS_KEY, 'records', id] as const;
}

const path = (id: string) => `/api/v1/applications/${encodeURIComponent(id)}`;

/** The viewer's applications; a facility may narrow them to one posting. */
export function useApplications(postingId: string) {
  return useQuery({
    queryKey: [...LIST_KEY, postingId],
    queryFn: ({ signal }) =>
      apiRequest<ApplicationList>('GET', postingId === '' ? '/api/v1/applications' : `/api/v1/applications?posting_id=${encodeURIComponent(postingId)}`, {
        signal,
      }),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: ({ signal }) => apiRequest<Application>('GET', path(id), { signal }),
    // The page listens to the live events instead; every reading of a disclosed identity is audited.
    refetchOnWindowFocus: false,
  });
}

/** Every write answers with the whole application: it replaces the cached one, and the lists are refreshed. */
function useStoreApplication() {
  const queryClient = useQueryClient();
  return (application: Application) => {
    queryClient.setQueryData(applicationKey(application.id), application);
    return queryClient.invalidateQueries({ queryKey: LIST_KEY });
  };
}

/** The posting a seeker is about to contact (the shape the server lets them see). */
export function useApplyPosting(postingId: string) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'posting', postingId],
    queryFn: ({ signal }) => apiRequest<Posting>('GET', `/api/v1/postings/${encodeURIComponent(postingId)}`, { signal }),
  });
}

/** The seeker's own application on a posting, if any (to point to it after a 409 already_applied). */
export async function findOwnApplication(postingId: string): Promise<ApplicationSummary | null> {
  const list = await apiRequest<ApplicationList>('GET', '/api/v1/applications');
  return list.items.find((item) => item.posting_id === postingId) ?? null;
}

export function useCreateApplication(postingId: string) {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: (input: CreateApplicationInput) =>
      apiRequest<Application>('POST', `/api/v1/postings/${encodeURIComponent(postingId)}/applications`, { body: input }),
    onSuccess: store,
  });
}

export function useMoveApplication(id: string) {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: (stage: string) => apiRequest<Application>('PATCH', path(id), { body: { stage } }),
    onSuccess: store,
  });
}

export function useEstablishMatch(id: string) {
  const store = useStoreApplication();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<Application>('POST', `${path(id)}/match`),
    onSuccess: async (application) => {
      await store(application);
      // Author names in the thread follow the disclosure, which has just changed.
      await queryClient.invalidateQueries({ queryKey: messagesKey(id) });
    },
  });
}

export function useMessages(id: string) {
  return useQuery({
    queryKey: messagesKey(id),
    queryFn: ({ signal }) => apiRequest<MessageList>('GET', `${path(id)}/messages`, { signal }),
    refetchOnWindowFocus: false,
  });
}

export function usePostMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; attachments: AttachmentInput[] }) =>
      apiRequest<MessageList>('POST', `${path(id)}/messages`, { body: input }),
    onSuccess: (thread) => {
      queryClient.setQueryData(messagesKey(id), thread);
      return queryClient.invalidateQueries({ queryKey: LIST_KEY });
    },
  });
}

/** The thread has been seen: the unread counts in the lists go down. */
export function useMarkMessagesRead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('POST', `${path(id)}/messages/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LIST_KEY }),
  });
}

export function useRecords(id: string, enabled: boolean) {
  return useQuery({
    queryKey: recordsKey(id),
    queryFn: ({ signal }) => apiRequest<RecordList>('GET', `${path(id)}/records`, { signal }),
    enabled,
  });
}

export function useAddRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordInput) => apiRequest<RecordList>('POST', `${path(id)}/records`, { body: input }),
    onSuccess: async (records) => {
      queryClient.setQueryData(recordsKey(id), records);
      // The first record makes the coordinator's organisation the handling one (can_see_records changes).
      await queryClient.invalidateQueries({ queryKey: applicationKey(id) });
      await queryClient.invalidateQueries({ queryKey: ['coordination'] });
    },
  });
}

export function useProposeInterview(id: string) {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: (proposal: InterviewProposal) => apiRequest<Application>('POST', `${path(id)}/interviews`, { body: proposal }),
    onSuccess: store,
  });
}

export type InterviewAction = { action: 'accept'; slot: number } | { action: 'cancel' } | { action: 'held' };

export function useAnswerInterview() {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: ({ interviewId, answer }: { interviewId: string; answer: InterviewAction }) =>
      apiRequest<Application>('POST', `/api/v1/interviews/${encodeURIComponent(interviewId)}`, { body: answer }),
    onSuccess: store,
  });
}

export function useRecordTraining(id: string) {
  const store = useStoreApplication();
  return useMutation({
    mutationFn: ({ item, input }: { item: string; input: TrainingInput }) =>
      apiRequest<Application>('PUT', `${path(id)}/training/${encodeURIComponent(item)}`, { body: input }),
    onSuccess: store,
  });
}

/** The calendar invitation of a scheduled interview (text/calendar, a download). */
export function interviewInviteUrl(interviewId: string): string {
  return `/api/v1/interviews/${encodeURIComponent(interviewId)}/invite.ics`;
}

export const SIGNAL_TYPES = ['hello', 'offer', 'answer', 'candidate', 'bye'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

/** Relays one WebRTC signalling message to the other side's open pages. */
export function sendInterviewSignal(interviewId: string, type: SignalType, data: unknown): Promise<void> {
  return apiRequest<void>('POST', `/api/v1/interviews/${encodeURIComponent(interviewId)}/signal`, { body: { type, data } });
}

/** The facility's own postings, for the list's posting filter (GET /api/v1/facility/postings). */
export function useFacilityPostingChoices(enabled: boolean) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'facility-postings'],
    queryFn: ({ signal }) => apiRequest<{ items: Pick<Posting, 'id' | 'title' | 'status' | 'start_date'>[] }>('GET', '/api/v1/facility/postings', { signal }),
    enabled,
  });
}
