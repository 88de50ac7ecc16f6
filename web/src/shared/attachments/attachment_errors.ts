import { ApiError } from '../api/api_error';

/**
 * The server refuses a body above its size limit (413) before it reads the
 * files, so its message does not say which field: it is put under the
 * attachments, with a hint, where the user can act on it.
 */
export function attachmentSizeErrorToField(error: unknown, hint: string): unknown {
  if (error instanceof ApiError && error.code === 'payload_too_large') {
    return new ApiError({
      status: error.status,
      code: error.code,
      message: error.message,
      fields: { ...error.fields, attachments: `${error.message}${hint}` },
      hasServerMessage: error.hasServerMessage,
    });
  }
  return error;
}
