import { ERR } from './constants.ts';
import { type FormProblem, formErrors } from './validate-message.ts';

/** An error response exactly as Discord sends one: HTTP status plus `{ code, message, errors? }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, code: number, message: string, errors?: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.body = { message, code, ...(errors ? { errors } : {}) };
  }
}

export const invalidForm = (problems: FormProblem[]) => new ApiError(400, ERR.InvalidFormBody, 'Invalid Form Body', formErrors(problems));
export const unknownChannel = () => new ApiError(404, ERR.UnknownChannel, 'Unknown Channel');
export const unknownMessage = () => new ApiError(404, ERR.UnknownMessage, 'Unknown Message');
export const missingAccess = () => new ApiError(403, ERR.MissingAccess, 'Missing Access');
export const missingPermissions = () => new ApiError(403, ERR.MissingPermissions, 'Missing Permissions');
