// Use cases throw these; one module maps them to problem+json (API) or form failures and error pages.
/** Error codes per field (key "_" for the whole form); codes are shown through form_error_<code> messages. */
export type FieldErrors = Record<string, string[]>;

export abstract class DomainError extends Error {
	abstract readonly code: string;
	abstract readonly status: number;
	readonly fields: FieldErrors;
	constructor(message: string, fields: FieldErrors = {}) {
		super(message);
		this.fields = fields;
	}
	/** Extra members of the API's problem+json body (RFC 9457 extensions), e.g. what a client needs to recover. */
	get extensions(): Record<string, unknown> {
		return {};
	}
}

/** The item does not exist, or the viewer may not learn that it does (DESIGN §6). */
export class NotFoundError extends DomainError {
	readonly code = 'not-found';
	readonly status = 404;
}

/** No valid session or token. */
export class UnauthorizedError extends DomainError {
	readonly code = 'unauthorized';
	readonly status = 401;
}

/** The viewer sees the item but may not do this to it. */
export class ForbiddenError extends DomainError {
	readonly code = 'forbidden';
	readonly status = 403;
}

/** The request conflicts with the current state (already a member, handle taken, stale revision). */
export class ConflictError extends DomainError {
	readonly code = 'conflict';
	readonly status = 409;
}

/** Well-formed input that breaks a rule. */
export class ValidationError extends DomainError {
	readonly code = 'validation';
	readonly status = 422;
}

/** Too many attempts in a window; when the window's end is known, the API says it in `Retry-After` (seconds). */
export class RateLimitedError extends DomainError {
	readonly code = 'rate-limited';
	readonly status = 429;
	readonly retryAfterSeconds: number | null;
	constructor(message: string, fields: FieldErrors = {}, retryAfterSeconds: number | null = null) {
		super(message, fields);
		this.retryAfterSeconds = retryAfterSeconds;
	}
	get extensions(): Record<string, unknown> {
		return this.retryAfterSeconds === null ? {} : { retryAfter: this.retryAfterSeconds };
	}
}

/** An uploaded file over the limit (413); the client learns the limit and the size it sent, in bytes. */
export class PayloadTooLargeError extends DomainError {
	readonly code = 'file-too-large';
	readonly status = 413;
	readonly maxBytes: number;
	readonly size: number | null;
	constructor(message: string, sizes: { maxBytes: number; size: number | null }, fields: FieldErrors = {}) {
		super(message, fields);
		this.maxBytes = sizes.maxBytes;
		this.size = sizes.size;
	}
	get extensions(): Record<string, unknown> {
		return { maxBytes: this.maxBytes, ...(this.size === null ? {} : { size: this.size }) };
	}
}

/**
 * An uploaded file whose content, read from its bytes, is of a type we do not accept (415: RFC 9110 §15.5.16 covers
 * a format refused "as a result of inspecting the content directly"). The client learns the accepted media types.
 */
export class UnsupportedMediaError extends DomainError {
	readonly code = 'file-type-refused';
	readonly status = 415;
	readonly accepted: readonly string[];
	constructor(message: string, accepted: readonly string[], fields: FieldErrors = {}) {
		super(message, fields);
		this.accepted = accepted;
	}
	get extensions(): Record<string, unknown> {
		return { accepted: this.accepted };
	}
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** Someone saved the item since this edit began: nothing is overwritten, the caller shows both versions. */
export class EditConflictError extends ConflictError {
	readonly currentRevisionId: string;
	constructor(message: string, currentRevisionId: string) {
		super(message, { _: ['edit_conflict'] });
		this.currentRevisionId = currentRevisionId;
	}
	get extensions(): Record<string, unknown> {
		return { currentRevisionId: this.currentRevisionId };
	}
}

/**
 * A save that began from a version of the item that is no longer the current one: someone saved it meanwhile, and
 * nothing was written. The caller learns the current version, to show what was saved and let the person save again.
 */
export class StaleVersionError extends ConflictError {
	readonly currentVersion: string;
	constructor(message: string, code: string, currentVersion: string) {
		super(message, { _: [code] });
		this.currentVersion = currentVersion;
	}
	get extensions(): Record<string, unknown> {
		return { currentVersion: this.currentVersion };
	}
}
