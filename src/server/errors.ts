import type { z } from 'zod';

export const ERROR_CODES = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  500: 'internal',
} as const;
export type ErrorStatus = keyof typeof ERROR_CODES;

/** The one error shape of the API: `{ error: { code, message, param? } }`. */
export interface ErrorBody {
  error: { code: (typeof ERROR_CODES)[ErrorStatus]; message: string; param?: string };
}

/** An error with its HTTP status, a message for the user and, when one is at fault, the parameter. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ErrorBody {
    return { error: { code: ERROR_CODES[this.status], message: this.message, ...(this.param ? { param: this.param } : {}) } };
  }
}

export const badRequest = (message: string, param?: string) => new ApiError(400, message, param);
export const notFound = (message: string) => new ApiError(404, message);

/**
 * The first problem of a failed parse as an ApiError naming the parameter and the value given.
 * `values` are the raw query parameters, to quote what the client sent.
 */
export function fromZodError(error: z.ZodError, values: Record<string, unknown>, allowed: string[]): ApiError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return badRequest(`unknown parameter "${key}"; this endpoint takes ${allowed.length ? allowed.join(', ') : 'no parameters'}`, key);
  }
  const param = issue.path.length ? String(issue.path[0]) : undefined;
  const given = param !== undefined ? values[param] : undefined;
  const got = given === undefined ? (issue.code === 'invalid_type' ? ' (missing)' : '') : ` (got ${JSON.stringify(given)})`;
  const message = issue.code === 'invalid_type' && given === undefined ? 'is required' : issue.message;
  return badRequest(param ? `${param}: ${message}${got}` : message, param);
}
