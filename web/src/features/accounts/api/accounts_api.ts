import { apiRequest } from '../../../shared/api/api_client';

/** Seeker self-registration; the server mails a verification link (202). */
export function registerSeeker(input: { name: string; email: string; password: string }) {
  return apiRequest<{ status: 'verification_sent' }>('POST', '/api/v1/registrations', { body: input });
}

export function verifyRegistration(token: string) {
  return apiRequest<{ status: 'verified' }>('POST', '/api/v1/registrations/verify', { body: { token } });
}

/** Always accepted: the answer must not tell whether the ID exists. */
export function requestPasswordReset(login: string) {
  return apiRequest<{ status: 'accepted' }>('POST', '/api/v1/password-resets', { body: { login } });
}

export function confirmPasswordReset(input: { token: string; password: string }) {
  return apiRequest<{ status: 'password_set' }>('POST', '/api/v1/password-resets/confirm', { body: input });
}

/** Changes the logged-in user's password; the server ends the user's other sessions (this one stays). */
export function changePassword(input: { current_password: string; new_password: string }) {
  return apiRequest<{ status: 'password_changed' }>('PUT', '/api/v1/me/password', { body: input });
}
