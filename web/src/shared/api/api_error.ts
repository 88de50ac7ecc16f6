/**
 * The error every failed API call turns into.
 *
 * The server answers failures with
 * `{"error":{"code","message","fields":{"<field>":"<message>"}}}`; when it
 * could not be reached or answered something else (a proxy's HTML page, for
 * instance) we still produce an ApiError, with a code of our own, so that
 * callers handle exactly one error type.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Messages from the server per input field name; already localised by the server. */
  readonly fields: Readonly<Record<string, string>>;
  /** True when `message` came from the server and can be shown as it is. */
  readonly hasServerMessage: boolean;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    fields?: Record<string, string>;
    hasServerMessage: boolean;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? {};
    this.hasServerMessage = options.hasServerMessage;
  }
}

/** Codes the client itself gives to failures that carry no server error body. */
export const CLIENT_ERROR_CODES = {
  /** fetch() itself failed: offline, server down, connection reset. */
  network: 'network_error',
  /** The server answered with a status but without the JSON error body. */
  unexpectedResponse: 'unexpected_response',
} as const;

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
