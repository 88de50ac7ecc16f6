import { apiRequest } from '../../../shared/api/api_client';

/** Where a reply comes from: an FAQ article, one of the caller's applications, a proposed posting, or a page of the app. */
export interface ChatSource {
  type: 'faq' | 'application' | 'posting' | 'page';
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
  reply: ChatReply;
}

export function postChatMessage(text: string, conversation: string | null): Promise<ChatPosted> {
  return apiRequest<ChatPosted>('POST', '/api/v1/chat/messages', {
    body: conversation ? { conversation, text } : { text },
  });
}
