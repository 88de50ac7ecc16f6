import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import type { SessionUser } from '../../../shared/session/session_api';
import { CURRENT_USER_QUERY_KEY } from '../../../shared/session/use_session';

/** A started enrolment: the TOTP secret (base32) and the same as an otpauth:// URI for the QR code. */
export interface SecondFactorEnrolment {
  secret: string;
  otpauth_uri: string;
}

/**
 * The session's user now has (or no longer has) a second factor. The server's
 * answer is put into the cached /me at once, so the page does not show the
 * old state while /me is read again; a restricted session becomes a normal
 * one when the factor is on.
 */
async function secondFactorChanged(queryClient: QueryClient, enabled: boolean): Promise<void> {
  queryClient.setQueryData<SessionUser | null>(CURRENT_USER_QUERY_KEY, (user) => {
    if (user === null || user === undefined) {
      return user;
    }
    const required = user.second_factor?.required ?? false;
    return {
      ...user,
      second_factor: { enabled, required },
      second_factor_setup_required: enabled ? false : user.second_factor_setup_required,
    };
  });
  await queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY });
}

/** Starts (or starts again, with a new secret) setting up a second factor: POST /api/v1/me/second-factor. */
export function useStartSecondFactorEnrolment() {
  return useMutation({
    mutationFn: () => apiRequest<SecondFactorEnrolment>('POST', '/api/v1/me/second-factor', { body: {} }),
  });
}

/** Finishes the set-up with a code from the app; 400 `fields.code` when it is wrong. */
export function useConfirmSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiRequest<{ enabled: true }>('POST', '/api/v1/me/second-factor/confirm', { body: { code } }),
    onSuccess: () => secondFactorChanged(queryClient, true),
  });
}

/** Turns the second factor off with the password and a code; 403 `second_factor_mandatory` for roles that must keep it. */
export function useDisableSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { password: string; code: string }) =>
      apiRequest<{ enabled: false }>('POST', '/api/v1/me/second-factor/disable', { body: input }),
    onSuccess: () => secondFactorChanged(queryClient, false),
  });
}
