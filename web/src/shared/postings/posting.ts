/**
 * A posting as the server sends it (docs/openapi.yaml, Posting). When the
 * posting is masked and the viewer is not entitled to see it in full, the
 * hidden keys are absent — hence the optional properties.
 */
export interface Posting {
  id: string;
  status: PostingStatus;
  close_reason: 'filled' | 'withdrawn' | null;
  title: string;
  category: string;
  category_name?: string;
  specialty: string | null;
  employment: string;
  start_date: string;
  end_date: string | null;
  period_months: number | null;
  weekdays: string[];
  hours: string | null;
  full_time: boolean;
  night_duty: boolean;
  urgency: string;
  positions: number;
  duties: string;
  requirements: string | null;
  pay: string | null;
  benefits: string | null;
  training_agreed: boolean;
  masked: boolean;
  version: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  workplace: PostingWorkplace;
  contact?: PostingContact;
  facility: { id?: string; name?: string };
}

export interface PostingWorkplace {
  prefecture: string;
  prefecture_name: string;
  area?: string;
  area_name?: string;
  postal_code?: string;
  municipality?: string;
  municipality_name?: string;
  street?: string;
  building?: string | null;
}

export interface PostingContact {
  name: string;
  location: string | null;
  phone: string;
  email: string;
}

export const POSTING_STATUSES = ['draft', 'published', 'paused', 'closed'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];
