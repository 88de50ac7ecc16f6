import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import type { SessionUser } from '../../../shared/session/session_api';
import { CURRENT_USER_QUERY_KEY } from '../../../shared/session/use_session';

/** How notices reach a member of staff by mail: at once, in the daily digest, or not at all. */
export type MailNotices = 'immediate' | 'daily' | 'off';

/** PUT /api/v1/me/mail-notices; the cached /me takes the new choice at once. */
export function useSetMailNotices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mailNotices: MailNotices) =>
      apiRequest<{ mail_notices: MailNotices }>('PUT', '/api/v1/me/mail-notices', { body: { mail_notices: mailNotices } }),
    onSuccess: async ({ mail_notices }) => {
      queryClient.setQueryData<SessionUser | null>(CURRENT_USER_QUERY_KEY, (user) => (user ? { ...user, mail_notices } : user));
      await queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY });
    },
  });
}
