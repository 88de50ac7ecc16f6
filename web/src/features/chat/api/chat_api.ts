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

// --- The chat's dictionary (the secretariat's: /admin/chat) ---

/** A synonym group: every term is read as the first. */
export interface ChatSynonymGroup {
  id: string;
  terms: string[];
  updated_at: string;
}

/** An FAQ article's paraphrases: other ways of asking its question. */
export interface ChatFaqPhrases {
  faq_id: string;
  question: string;
  phrases: string[];
}

/** One FAQ entry in 試してみる: its scores, 0–1. */
export interface ChatTryHit {
  faq_id: string;
  question: string;
  url: string;
  fused: number;
  words: number;
  bigrams: number;
}

/** What the chat would do with a question (POST /api/v1/chat/try). */
export interface ChatTryResult {
  decision: 'answer' | 'choices' | 'rephrase';
  candidates: string[];
  top: ChatTryHit[];
  read_as: string;
}

/** An FAQ article as the phrase editor lists it (GET /api/v1/faq, drafts included for the secretariat). */
export interface ChatFaqArticle {
  id: string;
  category: string;
  question: string;
  published: boolean;
}

const DICTIONARY_KEY = ['chat', 'dictionary'] as const;

export function useChatSynonyms() {
  return useQuery({
    queryKey: [...DICTIONARY_KEY, 'synonyms'],
    queryFn: ({ signal }) => apiRequest<{ items: ChatSynonymGroup[]; total: number }>('GET', '/api/v1/chat/synonyms', { signal }),
  });
}

export function useSaveChatSynonym() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, terms }: { id: string | null; terms: string[] }) =>
      id === null
        ? apiRequest<ChatSynonymGroup>('POST', '/api/v1/chat/synonyms', { body: { terms } })
        : apiRequest<ChatSynonymGroup>('PUT', `/api/v1/chat/synonyms/${encodeURIComponent(id)}`, { body: { terms } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DICTIONARY_KEY }),
  });
}

export function useDeleteChatSynonym() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>('DELETE', `/api/v1/chat/synonyms/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DICTIONARY_KEY }),
  });
}

export function useChatFaqArticles() {
  return useQuery({
    queryKey: [...DICTIONARY_KEY, 'faq'],
    queryFn: ({ signal }) => apiRequest<{ items: ChatFaqArticle[] }>('GET', '/api/v1/faq', { signal }),
  });
}

export function useChatFaqPhrases(faqId: string | null) {
  return useQuery({
    queryKey: [...DICTIONARY_KEY, 'phrases', faqId],
    queryFn: ({ signal }) =>
      apiRequest<ChatFaqPhrases>('GET', `/api/v1/chat/faq/${encodeURIComponent(faqId ?? '')}/phrases`, { signal }),
    enabled: faqId !== null,
  });
}

export function useSaveChatFaqPhrases(faqId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (phrases: string[]) =>
      apiRequest<ChatFaqPhrases>('PUT', `/api/v1/chat/faq/${encodeURIComponent(faqId)}/phrases`, { body: { phrases } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DICTIONARY_KEY }),
  });
}

export function tryChat(text: string): Promise<ChatTryResult> {
  return apiRequest<ChatTryResult>('POST', '/api/v1/chat/try', { body: { text } });
}
