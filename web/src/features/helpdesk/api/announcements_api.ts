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
  /** null for an anonymous visitor, who has no read marks. */
  read: boolean | null;
}

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
  attachments: Attachment[];
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
