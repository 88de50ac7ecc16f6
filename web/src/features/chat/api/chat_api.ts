import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

/** Where a reply comes from: an FAQ article, one of the caller's applications, a proposed posting, or a page of the app. */
export interface ChatSource {
  type: 'faq' | 'announcement' | 'application' | 'posting' | 'page';
  id?: string;
  title: string;
  /** A path of this web app. */
  url: string;
}

export interface ChatChoice {
  label: string;
  /** The text to send back to pick it. */
  value: string;
}

/** The chat's reply (POST /api/v1/chat/messages): an FAQ answer, a filled template or a question, never free text. */
export interface ChatReply {
  kind: 'answer' | 'choices' | 'question' | 'confirm' | 'handover';
  text: string;
  sources: ChatSource[];
  choices: ChatChoice[];
}

export interface ChatPosted {
  conversation: string;
  /** handed_over while coordinators answer in the conversation. */
  state?: 'bot' | 'handed_over';
  reply: ChatReply;
}

export interface ChatMessage {
  seq: number;
  author: 'user' | 'bot' | 'staff';
  text: string;
  at: string;
  kind?: ChatReply['kind'];
  /** A staff message's author: name and organisation. */
  by?: string;
  sources?: ChatSource[];
  choices?: ChatChoice[];
}

export interface ChatConversation {
  id: string;
  state: 'bot' | 'handed_over';
  created_at: string;
  handed_to?: { id: string; name: string };
  handed_over_at?: string;
  messages: ChatMessage[];
}

/** A handed-over conversation as coordinators see it (GET /api/v1/chat/handovers). */
export interface ChatHandover extends ChatConversation {
  asker: string;
}

export function getChatConversation(id: string, signal?: AbortSignal): Promise<ChatConversation> {
  return apiRequest<ChatConversation>('GET', `/api/v1/chat/conversations/${encodeURIComponent(id)}`, { signal });
}

export function useChatHandovers() {
  return useQuery({
    queryKey: ['chat', 'handovers'],
    queryFn: ({ signal }) => apiRequest<{ items: ChatHandover[]; total: number }>('GET', '/api/v1/chat/handovers', { signal }),
    refetchInterval: 10_000,
  });
}

export function useStaffReply(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      apiRequest<ChatConversation>('POST', `/api/v1/chat/conversations/${encodeURIComponent(id)}/messages`, { body: { text } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['chat', 'handovers'] }),
  });
}

export function postChatMessage(text: string, conversation: string | null): Promise<ChatPosted> {
  return apiRequest<ChatPosted>('POST', '/api/v1/chat/messages', {
    body: conversation ? { conversation, text } : { text },
  });
}
