import { SIGNAL_TYPES, type SignalType } from './api/applications_api';

/**
 * Reading the live stream (GET /api/v1/events) for this feature: the
 * `notification` events whose link points at an application, and the online
 * room's `interview_signal`. The data comes from our own server, but anything
 * that is not the expected shape is ignored rather than trusted.
 */

export interface ApplicationNotice {
  kind: string;
  /** The application the notice is about, from its link /applications/{id}. */
  applicationId: string | null;
}

export interface InterviewSignal {
  interviewId: string;
  from: 'seeker' | 'facility';
  type: SignalType;
  data: unknown;
}

export function parseApplicationNotice(data: string): ApplicationNotice | null {
  const value = parseJson(data);
  if (!isRecord(value) || typeof value.id !== 'string') {
    return null;
  }
  const link = typeof value.link === 'string' ? value.link : '';
  const match = /^\/applications\/([^/?#]+)$/.exec(link);
  return {
    kind: typeof value.kind === 'string' ? value.kind : '',
    applicationId: match?.[1] !== undefined ? decodeURIComponent(match[1]) : null,
  };
}

export function parseInterviewSignal(data: string): InterviewSignal | null {
  const value = parseJson(data);
  if (!isRecord(value) || typeof value.interview_id !== 'string' || typeof value.type !== 'string') {
    return null;
  }
  if (value.from !== 'seeker' && value.from !== 'facility') {
    return null;
  }
  if (!(SIGNAL_TYPES as readonly string[]).includes(value.type)) {
    return null;
  }
  return { interviewId: value.interview_id, from: value.from, type: value.type as SignalType, data: value.data ?? null };
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
