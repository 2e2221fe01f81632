// Form actions: parse with the capability's Zod schema, run the use case, and on failure answer with field
// errors and the person's own text, so nothing typed is lost (passwords excepted: they are never echoed).
import { fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import { ZodError, type z } from 'zod';
import { isDomainError, type ConflictError, type FieldErrors } from '../../domain/errors.ts';
import { fieldErrorsOf } from './problem.ts';

export type FormState = { values: Record<string, string>; errors: FieldErrors };

const SECRET_FIELDS = /password|token/i;

export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !SECRET_FIELDS.test(key)) values[key] = value;
	return values;
}

/** Maps a thrown validation or domain error to a form failure; anything else is rethrown (500). */
export function formFailure(e: unknown, values: Record<string, string>): ActionFailure<FormState> {
	if (e instanceof ZodError) return fail(400, { values, errors: fieldErrorsOf(e) });
	if (isDomainError(e)) {
		const fields = Object.keys(e.fields).length ? e.fields : { _: [e.code] };
		return fail(e.status, { values, errors: fields });
	}
	throw e;
}

/**
 * A save overtaken by another (nothing was written): the conflict's status and codes, the values as typed, and
 * `conflict`, what is saved now, which the page shows beside them.
 */
export const conflictFailure = <C>(e: ConflictError, values: Record<string, string>, conflict: C) =>
	fail(e.status, { values, errors: e.fields, conflict });

/**
 * Parses the posted form with `schema` and runs `use`. Returns the use case's result, or a failure holding the
 * field errors and the values as typed. A redirect thrown by `use` passes through.
 */
export async function handleForm<S extends z.ZodType, R>(
	request: Request,
	schema: S,
	use: (data: z.output<S>, form: FormData) => Promise<R>
): Promise<R | ActionFailure<FormState>> {
	const form = await request.formData();
	const values = formValues(form);
	try {
		const data = schema.parse(Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')));
		return await use(data, form);
	} catch (e) {
		return formFailure(e, values);
	}
}

/** Narrows handleForm's result to its failure while keeping the FormState type (isActionFailure loses it). */
export const isFormFailure = <R>(result: R | ActionFailure<FormState>): result is ActionFailure<FormState> => isActionFailure(result);

/** The files posted in `name` fields (a multiple file input). */
export const filesOf = (form: FormData, name = 'file'): File[] => form.getAll(name).filter((v): v is File => v instanceof File);

/** A text field's value, '' when absent. */
export const textOf = (form: FormData, name: string): string => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};
