import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import type { AttachmentInput } from '../../../shared/attachments/attachments';

/** A stored file; `url` downloads it (GET /api/v1/attachments/{id}, always as a download). */
export interface Attachment {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  url: string;
}

export const INQUIRY_STATUSES = ['received', 'answered', 'follow_up', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const INQUIRY_CATEGORIES = ['account', 'posting', 'beds', 'usage', 'other'] as const;

export interface InquirySummary {
  id: string;
  subject: string;
  category: string | null;
  category_name?: string | null;
  status: string;
  status_name?: string;
  created_at: string;
  updated_at: string;
  asker_name: string;
}

export interface InquiryMessage {
  id: string;
  /** true: the secretariat's answer; false: the asker's question or follow-up. */
  from_secretariat: boolean;
  body: string;
  created_at: string;
  author_name: string;
  attachments: Attachment[];
}

export interface Inquiry extends InquirySummary {
  messages: InquiryMessage[];
}

export interface InquiryList {
  items: InquirySummary[];
  total: number;
  page: number;
  per_page: number;
}

export interface InquiryInput {
  subject: string;
  body: string;
  category?: string;
  attachments: AttachmentInput[];
}

const INQUIRIES_KEY = ['helpdesk', 'inquiries'] as const;

/** The user's own inquiries, or the secretariat's inbox; `query` holds status, q and paging. */
export function useInquiries(query: string) {
  return useQuery({
    queryKey: [...INQUIRIES_KEY, 'list', query],
    queryFn: ({ signal }) => apiRequest<InquiryList>('GET', `/api/v1/helpdesk/inquiries?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInquiry(id: string) {
  return useQuery({
    queryKey: [...INQUIRIES_KEY, 'detail', id],
    queryFn: ({ signal }) => apiRequest<Inquiry>('GET', `/api/v1/helpdesk/inquiries/${encodeURIComponent(id)}`, { signal }),
  });
}

/** After a change the answer is the whole inquiry: it replaces the cached one, and the lists are refreshed. */
function useStoreInquiry() {
  const queryClient = useQueryClient();
  return (inquiry: Inquiry) => {
    queryClient.setQueryData([...INQUIRIES_KEY, 'detail', inquiry.id], inquiry);
    return queryClient.invalidateQueries({ queryKey: [...INQUIRIES_KEY, 'list'] });
  };
}

export function useCreateInquiry() {
  const store = useStoreInquiry();
  return useMutation({
    mutationFn: (input: InquiryInput) => apiRequest<Inquiry>('POST', '/api/v1/helpdesk/inquiries', { body: input }),
    onSuccess: store,
  });
}

export function useAddInquiryMessage(id: string) {
  const store = useStoreInquiry();
  return useMutation({
    mutationFn: (input: { body: string; attachments: AttachmentInput[] }) =>
      apiRequest<Inquiry>('POST', `/api/v1/helpdesk/inquiries/${encodeURIComponent(id)}/messages`, { body: input }),
    onSuccess: store,
  });
}

export function useCloseInquiry(id: string) {
  const store = useStoreInquiry();
  return useMutation({
    mutationFn: () => apiRequest<Inquiry>('PATCH', `/api/v1/helpdesk/inquiries/${encodeURIComponent(id)}`, { body: { status: 'closed' } }),
    onSuccess: store,
  });
}
