/** One problem with one field of one row of an input (row numbers are 1-based, as a spreadsheet shows them). */
export interface FieldError {
  row?: number;
  field?: string;
  code: string;
  message: string;
  messageEn: string;
}

/**
 * The one error type core throws for anything a user can fix. `code` is a stable English
 * identifier; `message` is Vietnamese (the interface language), `messageEn` English.
 */
export class BaocaoError extends Error {
  readonly code: string;
  readonly messageEn: string;
  readonly details: FieldError[];
  readonly status: number;

  constructor(
    code: string,
    message: string,
    messageEn: string,
    opts: { details?: FieldError[]; status?: number } = {},
  ) {
    super(message);
    this.name = 'BaocaoError';
    this.code = code;
    this.messageEn = messageEn;
    this.details = opts.details ?? [];
    this.status = opts.status ?? 400;
  }

  toJSON() {
    return { code: this.code, message: this.message, messageEn: this.messageEn, details: this.details };
  }
}

/** Raised when the actor may not do what they asked; nothing has changed. */
export const forbidden = (message: string, messageEn: string): BaocaoError =>
  new BaocaoError('FORBIDDEN', message, messageEn, { status: 403 });

/** Raised when a referenced thing does not exist. */
export const notFound = (message: string, messageEn: string): BaocaoError =>
  new BaocaoError('NOT_FOUND', message, messageEn, { status: 404 });
