// RFC 9457 problem details for /api/v1, and the matching page errors. Routes never build error bodies.
import { error, json } from '@sveltejs/kit';
import { ZodError } from 'zod';
import { isDomainError, type FieldErrors } from '../../domain/errors.ts';

const TITLES: Record<string, { fr: string; en: string }> = {
	'not-found': { fr: 'Introuvable', en: 'Not found' },
	unauthorized: { fr: 'Authentification requise', en: 'Authentication required' },
	forbidden: { fr: 'Action non permise', en: 'Forbidden' },
	conflict: { fr: 'Conflit', en: 'Conflict' },
	validation: { fr: 'Données invalides', en: 'Invalid data' },
	'bad-request': { fr: 'Requête mal formée', en: 'Bad request' },
	'rate-limited': { fr: 'Trop de tentatives', en: 'Too many attempts' },
	'unsupported-media-type': { fr: 'Type de contenu non pris en charge', en: 'Unsupported media type' },
	'method-not-allowed': { fr: 'Méthode non permise', en: 'Method not allowed' },
	'file-too-large': { fr: 'Fichier trop volumineux', en: 'File too large' },
	'file-type-refused': { fr: 'Type de fichier refusé', en: 'File type not accepted' }
};

export type Problem = {
	type: string;
	title: string;
	status: number;
	detail?: string;
	instance?: string;
	errors?: FieldErrors;
	[extension: string]: unknown;
};

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
	return json(problem, { status: problem.status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

export function problemFor(
	code: string,
	status: number,
	detail: string,
	instance: string,
	lang: 'fr' | 'en',
	errors?: FieldErrors
): Problem {
	const title = TITLES[code]?.[lang] ?? TITLES['bad-request'][lang];
	return { type: `/problems/${code}`, title, status, detail, instance, ...(errors && Object.keys(errors).length ? { errors } : {}) };
}

/** Field errors from a Zod failure, keyed by dotted path, with the schema's message keys. */
export function fieldErrorsOf(e: ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of e.issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
	return out;
}

/** Maps a thrown error to problem+json; unknown errors are rethrown so handleError logs them and answers 500. */
export function toProblemResponse(e: unknown, url: URL, lang: 'fr' | 'en'): Response {
	if (e instanceof ZodError) {
		return problemResponse(problemFor('validation', 422, 'The request did not pass validation', url.pathname, lang, fieldErrorsOf(e)));
	}
	if (isDomainError(e)) {
		return problemResponse({ ...problemFor(e.code, e.status, e.message, url.pathname, lang, e.fields), ...e.extensions });
	}
	throw e;
}

/** For pages: a domain error becomes the matching error page (a hidden item is a plain 404). */
export function rethrowForPage(e: unknown): never {
	if (isDomainError(e)) error(e.status, e.status === 404 ? 'Not found' : e.message);
	throw e;
}
