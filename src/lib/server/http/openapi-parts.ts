// Pieces every part of the OpenAPI document shares: the problem body, response shapes and security schemes.
import { z } from 'zod';
import { type ZodOpenApiResponseObject } from 'zod-openapi';

/** RFC 9457 problem details, as problem.ts builds them. */
export const ProblemJson = z
	.object({
		type: z.string().describe('Identifies the kind of problem, e.g. /problems/not-found (not translated)'),
		title: z.string().describe('Short summary of the kind of problem, in the language of the request'),
		status: z.number().int().describe('HTTP status code'),
		detail: z.string().optional().describe('What went wrong this time (English)'),
		instance: z.string().optional().describe('Path of the request'),
		errors: z
			.record(z.string(), z.array(z.string()))
			.optional()
			.describe('Error codes per field (dotted path; `_` for the whole request), on 409 and 422')
	})
	.meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const ApiIndexJson = z
	.object({
		name: z.string().describe('Name of the API'),
		version: z.string().describe('Major version, part of every path'),
		links: z.record(z.string(), z.string()).describe('Absolute URLs (templates in braces) of the main resources')
	})
	.meta({ id: 'ApiIndex', description: 'Where to start' });
export type ApiIndexJson = z.infer<typeof ApiIndexJson>;

export const problem = (description: string): ZodOpenApiResponseObject => ({
	description,
	content: { 'application/problem+json': { schema: ProblemJson } }
});
export const jsonBody = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
	description,
	content: { 'application/json': { schema } }
});

export const unauthorized = problem('No session and no token, or an unknown or revoked token; carries `WWW-Authenticate: Bearer`');
// Reads work anonymously, but a bearer token that is sent must be valid: it is never silently ignored.
export const badToken = problem('An unknown or revoked bearer token; carries `WWW-Authenticate: Bearer`');
export const unsupported = problem('A write without `Content-Type: application/json`');
export const invalid = problem('Validation failed; `errors` maps each field to its error codes');

// Reading works anonymously; a session or a token shows what that account may see (DESIGN §6).
export type Security = Record<string, string[]>[];
export const optionalAuth: Security = [{}, { bearer: [] }, { session: [] }];
export const requiredAuth: Security = [{ bearer: [] }, { session: [] }];
