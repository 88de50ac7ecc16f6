import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import type { AttachmentInput } from '../../../shared/attachments/attachments';
import type { Attachment } from './helpdesk_api';

export interface AnnouncementSummary {
  id: string;
  title: string;
  /** "all", or the roles it is for, comma-separated ("facility,aggregator"). */
  audience: string;
  published_at: string;
  /** The last correction; null when never corrected. */
  updated_at: string | null;
  /** null for an anonymous visitor, who has no read marks. */
  read: boolean | null;
  /** For the secretariat only: readers never see a withdrawn announcement. */
  state?: AnnouncementState;
  withdrawn_at?: string | null;
}

export type AnnouncementState = 'published' | 'withdrawn';

export interface AnnouncementList {
  items: AnnouncementSummary[];
  total: number;
  unread: number;
}

export interface Announcement {
  id: string;
  title: string;
  body: string;
  audience: string;
  published_at: string;
  updated_at: string | null;
  attachments: Attachment[];
  /** For the secretariat only. */
  state?: AnnouncementState;
  withdrawn_at?: string | null;
}

/** What a correction changes; the files stay. */
export type AnnouncementChange = Omit<AnnouncementInput, 'attachments'>;

export interface AnnouncementHistoryEntry {
  action: 'published' | 'edited' | 'withdrawn';
  changed_at: string;
  /** 「氏名（組織名）」. */
  changed_by: string;
  /** For an edit: field (title, body, audience) → [before, after]. */
  changes: Record<string, [string, string]>;
  /** The reason given for a withdrawal. */
  note: string | null;
}

export interface AnnouncementHistory {
  items: AnnouncementHistoryEntry[];
  total: number;
}

export interface AnnouncementInput {
  title: string;
  body: string;
  audience: 'all' | string[];
  attachments: AttachmentInput[];
}

const ANNOUNCEMENTS_KEY = ['helpdesk', 'announcements'] as const;

/** The list depends on who is logged in; `viewer` keeps one user's read marks from showing to the next. */
export function useAnnouncements(viewer: string) {
  return useQuery({
    queryKey: [...ANNOUNCEMENTS_KEY, 'list', viewer],
    queryFn: ({ signal }) => apiRequest<AnnouncementList>('GET', '/api/v1/announcements', { signal }),
  });
}

/** Opening an announcement marks it read, so the lists (and their unread counts) are refreshed after it loads. */
export function useAnnouncement(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...ANNOUNCEMENTS_KEY, 'detail', id],
    queryFn: async ({ signal }) => {
      const announcement = await apiRequest<Announcement>('GET', `/api/v1/announcements/${encodeURIComponent(id)}`, { signal });
      void queryClient.invalidateQueries({ queryKey: [...ANNOUNCEMENTS_KEY, 'list'] });
      return announcement;
    },
  });
}

export function usePublishAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AnnouncementInput) => apiRequest<Announcement>('POST', '/api/v1/announcements', { body: input }),
    onSuccess: (announcement) => {
      queryClient.setQueryData([...ANNOUNCEMENTS_KEY, 'detail', announcement.id], announcement);
      return queryClient.invalidateQueries({ queryKey: [...ANNOUNCEMENTS_KEY, 'list'] });
    },
  });
}

/** After a correction or a withdrawal: the page shows the new state at once, the lists and the history reload. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return (announcement: Announcement) => {
    queryClient.setQueryData([...ANNOUNCEMENTS_KEY, 'detail', announcement.id], announcement);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: [...ANNOUNCEMENTS_KEY, 'list'] }),
      queryClient.invalidateQueries({ queryKey: [...ANNOUNCEMENTS_KEY, 'history', announcement.id] }),
    ]);
  };
}

export function useUpdateAnnouncement(id: string) {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (change: AnnouncementChange) =>
      apiRequest<Announcement>('PUT', `/api/v1/announcements/${encodeURIComponent(id)}`, { body: change }),
    onSuccess: afterChange,
  });
}

export function useWithdrawAnnouncement(id: string) {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (reason: string) =>
      apiRequest<Announcement>('POST', `/api/v1/announcements/${encodeURIComponent(id)}/withdraw`, {
        body: reason === '' ? {} : { reason },
      }),
    onSuccess: afterChange,
  });
}

/** 掲載, corrections and the withdrawal, newest first (the secretariat only). */
export function useAnnouncementHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ANNOUNCEMENTS_KEY, 'history', id],
    queryFn: ({ signal }) =>
      apiRequest<AnnouncementHistory>('GET', `/api/v1/announcements/${encodeURIComponent(id)}/history`, { signal }),
    enabled,
  });
}
