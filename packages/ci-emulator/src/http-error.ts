/**
 * An error a route handler throws to answer with GitHub's error shape
 * (`{ message, documentation_url, status }`, plus `errors` for 422 validation failures).
 */
const marker = Symbol.for('nightshift.emulator-http-error');

export interface ValidationErrorItem {
  resource: string;
  field?: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  message?: string;
}

export const DOCS_URL = 'https://docs.github.com/rest';

export class HttpError extends Error {
  readonly [marker] = true;
  readonly status: number;
  readonly errors: ValidationErrorItem[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    options: { errors?: ValidationErrorItem[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  get isRetryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }

  toJSON(): Record<string, unknown> {
    const body: Record<string, unknown> = { message: this.message };
    if (this.errors) body.errors = this.errors;
    body.documentation_url = DOCS_URL;
    body.status = String(this.status);
    return body;
  }

  static isInstance(error: unknown): error is HttpError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

export const notFound = (): HttpError => new HttpError(404, 'Not Found');

export function validationFailed(errors: ValidationErrorItem[], message = 'Validation Failed'): HttpError {
  return new HttpError(422, message, { errors });
}
