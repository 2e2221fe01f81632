// Error codes from schemas and use cases (e.g. 'email_taken') are shown through `form_error_<code>` messages.
import * as messages from './paraglide/messages.js';

type MessageFn = (inputs?: Record<string, never>) => string;

export function errorText(code: string): string {
	const fn = (messages as unknown as Record<string, MessageFn | undefined>)[`form_error_${code.replace(/-/g, '_')}`];
	return fn ? fn() : messages.form_error_generic();
}
