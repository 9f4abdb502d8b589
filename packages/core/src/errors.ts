/** One problem with one field of one row of an input (row numbers are 1-based, as a spreadsheet shows them). */
export interface FieldError {
  row?: number;
  field?: string;
  code: string;
  message: string;
  messageEn: string;
}

/**
 * How many field errors an answer lists. A million bad rows must not make a million-line answer:
 * the first ones are listed, the rest are counted by code.
 */
export const MAX_LISTED_ERRORS = 1000;

/** Field errors as they are found: the first {@link MAX_LISTED_ERRORS} kept, every one counted by code. */
export interface ErrorList {
  readonly listed: FieldError[];
  /** How many errors were found, listed or not. */
  total: number;
  readonly byCode: Record<string, number>;
  push(e: FieldError): void;
}

/** A new, empty bounded error list. */
export function errorList(): ErrorList {
  const list: ErrorList = {
    listed: [],
    total: 0,
    byCode: {},
    push(e) {
      list.total++;
      list.byCode[e.code] = (list.byCode[e.code] ?? 0) + 1;
      if (list.listed.length < MAX_LISTED_ERRORS) list.listed.push(e);
    },
  };
  return list;
}

/** The errors of an array collected into a bounded list. */
export function errorListOf(errors: Iterable<FieldError>): ErrorList {
  const list = errorList();
  for (const e of errors) list.push(e);
  return list;
}

/**
 * The one error type core throws for anything a user can fix. `code` is a stable English
 * identifier; `message` is Vietnamese (the interface language), `messageEn` English. `details`
 * lists at most {@link MAX_LISTED_ERRORS} field errors; `detailsTotal` and `detailsByCode` count all.
 */
export class BaocaoError extends Error {
  readonly code: string;
  readonly messageEn: string;
  readonly details: FieldError[];
  readonly detailsTotal: number;
  readonly detailsByCode: Record<string, number>;
  readonly status: number;

  constructor(
    code: string,
    message: string,
    messageEn: string,
    opts: { details?: FieldError[] | ErrorList; status?: number } = {},
  ) {
    super(message);
    this.name = 'BaocaoError';
    this.code = code;
    this.messageEn = messageEn;
    const list = Array.isArray(opts.details) ? errorListOf(opts.details) : (opts.details ?? errorList());
    this.details = list.listed;
    this.detailsTotal = list.total;
    this.detailsByCode = list.byCode;
    this.status = opts.status ?? 400;
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      messageEn: this.messageEn,
      details: this.details,
      ...(this.detailsTotal > 0
        ? { detailsTotal: this.detailsTotal, detailsByCode: this.detailsByCode }
        : {}),
    };
  }
}

/** Raised when the actor may not do what they asked; nothing has changed. */
export const forbidden = (message: string, messageEn: string): BaocaoError =>
  new BaocaoError('FORBIDDEN', message, messageEn, { status: 403 });

/** Raised when a referenced thing does not exist. */
export const notFound = (message: string, messageEn: string): BaocaoError =>
  new BaocaoError('NOT_FOUND', message, messageEn, { status: 404 });

/** Raised when an input is over one of the limits we accept; names the limit. */
export const tooLarge = (message: string, messageEn: string): BaocaoError =>
  new BaocaoError('FILE_TOO_LARGE', message, messageEn, { status: 413 });

/** Throws `e`: for a missing lookup inside an expression (`map.get(k) ?? throwIt(notFound(…))`). */
export function throwIt(e: Error): never {
  throw e;
}
