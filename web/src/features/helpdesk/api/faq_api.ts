import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

export interface FaqArticle {
  id: string;
  category: string;
  question: string;
  answer: string;
  /** Drafts (false) are shown to the secretariat only. */
  published: boolean;
  updated_at: string;
}

export interface FaqList {
  items: FaqArticle[];
  total: number;
  /** Every category with its number of articles (not narrowed by the search). */
  categories: { name: string; count: number }[];
}

export interface FaqInput {
  category: string;
  question: string;
  answer: string;
  published: boolean;
}

const FAQ_KEY = ['helpdesk', 'faq'] as const;

/** `query` holds q and category as the page's URL has them. */
export function useFaqList(query: string) {
  return useQuery({
    queryKey: [...FAQ_KEY, 'list', query],
    queryFn: ({ signal }) => apiRequest<FaqList>('GET', `/api/v1/faq${query === '' ? '' : `?${query}`}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFaqArticle(id: string, enabled = true) {
  return useQuery({
    queryKey: [...FAQ_KEY, 'article', id],
    queryFn: ({ signal }) => apiRequest<FaqArticle>('GET', `/api/v1/faq/${encodeURIComponent(id)}`, { signal }),
    enabled,
  });
}

export function useSaveFaqArticle(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FaqInput) =>
      id === null
        ? apiRequest<FaqArticle>('POST', '/api/v1/faq', { body: input })
        : apiRequest<FaqArticle>('PUT', `/api/v1/faq/${encodeURIComponent(id)}`, { body: input }),
    onSuccess: (article) => {
      queryClient.setQueryData([...FAQ_KEY, 'article', article.id], article);
      return queryClient.invalidateQueries({ queryKey: [...FAQ_KEY, 'list'] });
    },
  });
}
