import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import { ApiError } from '../../../shared/api/api_error';

/**
 * The demo's sent-mail box. Only a demo server (started with --demo on a
 * loopback address, without SMTP) keeps every mail it would have sent and
 * lists them here; any other server answers 404, and the app then hides the
 * page's links (the probe below is the only thing that decides).
 */
export interface DevMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  created_at: string;
}

interface DevMailList {
  items: DevMail[];
  total: number;
}

const DEV_MAILS_KEY = ['dev', 'mails'] as const;

/** null means the server has no mail box to show (404). */
async function fetchDevMails(signal: AbortSignal): Promise<DevMail[] | null> {
  try {
    const list = await apiRequest<DevMailList>('GET', '/api/v1/dev/mails', { signal });
    return [...list.items].sort(newestFirst);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

function newestFirst(a: DevMail, b: DevMail): number {
  return Date.parse(b.created_at) - Date.parse(a.created_at) || b.id.localeCompare(a.id);
}

export function useDevMails() {
  return useQuery({
    queryKey: DEV_MAILS_KEY,
    queryFn: ({ signal }) => fetchDevMails(signal),
    // Mail arrives while the user works in another tab; show it when they come back.
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

/** Whether to show links to the mail page: only once the server has said it has one. */
export function useDevMailsAvailable(): boolean {
  const mails = useQuery({
    queryKey: DEV_MAILS_KEY,
    queryFn: ({ signal }) => fetchDevMails(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return mails.data !== undefined && mails.data !== null;
}
