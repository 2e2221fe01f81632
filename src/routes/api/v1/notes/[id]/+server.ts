import { NotFoundError } from '#lib/domain/errors.ts';
import { api, methodNotAllowed } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

// The notes capability comes next; the route already holds the contract (documented as 200 Note | 404), and
// until then no note exists, which is exactly what a hidden note looks like too (DESIGN §6).
export const GET: RequestHandler = api(() => {
	throw new NotFoundError('No such note');
});

export const fallback = methodNotAllowed('GET');
