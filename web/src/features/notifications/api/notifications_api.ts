import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import { unreadCountReducer, type UnreadEvent } from '../unread_count';

/** A notice (docs/openapi.yaml, GET /api/v1/notifications). */
export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A path inside the site (/postings/…, /facility/postings/…/matches), or null. */
  link: string | null;
  created_at: string;
  read: boolean;
}

/** A notice as the live stream sends it: no time or read state (it is new, so unread). */
export type LiveNotice = Pick<Notice, 'id' | 'kind' | 'title' | 'body' | 'link'>;

export interface NoticeList {
  items: Notice[];
  total: number;
  unread: number;
  page: number;
  per_page: number;
}

export const NOTICES_PER_PAGE = 20;

const NOTIFICATIONS_KEY = ['notifications'] as const;
const LIST_KEY = [...NOTIFICATIONS_KEY, 'list'] as const;
/** The bell's number: a query the stream, the list and the read actions all write to. */
export const UNREAD_COUNT_KEY = [...NOTIFICATIONS_KEY, 'unread'] as const;

export function applyUnreadEvent(queryClient: QueryClient, event: UnreadEvent): void {
  queryClient.setQueryData<number>(UNREAD_COUNT_KEY, (count) => unreadCountReducer(count, event));
}

/** The lists on screen may miss a new notice or show a stale read state: fetch them again. */
export function refreshNoticeLists(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: LIST_KEY });
}

async function fetchNotices(queryClient: QueryClient, page: number, perPage: number, signal: AbortSignal): Promise<NoticeList> {
  const list = await apiRequest<NoticeList>('GET', `/api/v1/notifications?page=${page}&per_page=${perPage}`, { signal });
  applyUnreadEvent(queryClient, { type: 'counted', unread: list.unread });
  return list;
}

export function useNotices(page: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...LIST_KEY, page],
    queryFn: ({ signal }) => fetchNotices(queryClient, page, NOTICES_PER_PAGE, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * The unread count for the bell. The live stream's `ready` event usually
 * fills it first; asking the list for it covers a browser where the stream
 * cannot connect. It is kept until the stream or an action changes it.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_COUNT_KEY,
    queryFn: ({ signal }) =>
      apiRequest<NoticeList>('GET', '/api/v1/notifications?page=1&per_page=1', { signal }).then((list) => Math.max(0, list.unread)),
    staleTime: Infinity,
  });
}

export function useMarkNoticeRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notice: Pick<Notice, 'id' | 'read'>) =>
      apiRequest<void>('POST', `/api/v1/notifications/${encodeURIComponent(notice.id)}/read`),
    onSuccess: (_result, notice) => {
      if (!notice.read) {
        applyUnreadEvent(queryClient, { type: 'readOne' });
      }
      void refreshNoticeLists(queryClient);
    },
  });
}

export function useMarkAllNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('POST', '/api/v1/notifications/read-all'),
    onSuccess: () => {
      applyUnreadEvent(queryClient, { type: 'readAll' });
      void refreshNoticeLists(queryClient);
    },
  });
}
