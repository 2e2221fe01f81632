// Reads a file sent to the API, in the two forms it accepts:
// - multipart/form-data with `file` and `alt`, as a browser sends a FormData (the editor, with its session cookie);
// - the raw file as the body, `Content-Type: application/octet-stream` (or the file's own type) with `?filename=&alt=`,
//   as a script sends it with a token.
// Cross-site writes: a multipart POST is a "simple" request that any page can send with our cookie, so with a session
// it must come from our own origin (SvelteKit checks Origin on form types too; this does not rely on that setting).
// A raw body with a non-form type cannot be sent cross-site without a CORS preflight, which we never grant.
import type { RequestEvent } from '@sveltejs/kit';
import { ATTACHMENT_MAX_BYTES } from '../../domain/attachments.ts';
import { ForbiddenError, ValidationError } from '../../domain/errors.ts';
import { RawUploadQuery, tooLarge } from '../attachments/index.ts';
import type { z } from 'zod';
import { MalformedJsonError, readJson, readQuery, UnsupportedMediaTypeError } from './api.ts';

export interface Upload {
	file: Blob | Uint8Array;
	filename: string;
	altText: string;
}

// Room for the multipart envelope (boundaries, part headers, the alt field) around a file at the limit.
const ENVELOPE = 64 * 1024;
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'text/plain']);

const mediaTypeOf = (request: Request) => request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';

function declaredLength(request: Request): number | null {
	const value = request.headers.get('content-length');
	return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** The body up to `max` bytes; a longer one is refused as soon as it passes the limit, without reading the rest. */
async function readAtMost(request: Request, max: number): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = request.body?.getReader();
	if (!reader) return new Uint8Array();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > max) {
			await reader.cancel();
			throw tooLarge(null);
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

/** A multipart body from this origin (or a token), within the upload limit, as FormData. */
async function readMultipartForm(event: RequestEvent): Promise<FormData> {
	const { request, locals, url } = event;
	if (locals.via === 'session' && request.headers.get('origin') !== url.origin) {
		throw new ForbiddenError('Cross-site uploads are refused');
	}
	const length = declaredLength(request);
	if (length !== null && length > ATTACHMENT_MAX_BYTES + ENVELOPE) throw tooLarge(length);
	try {
		return await request.formData();
	} catch (e) {
		// The server's own body limit (BODY_SIZE_LIMIT) for a body that announced no length.
		if ((e as { status?: number }).status === 413) throw tooLarge(null);
		throw new MalformedJsonError('The multipart body could not be read');
	}
}

async function readMultipart(event: RequestEvent): Promise<Upload> {
	const form = await readMultipartForm(event);
	const file = form.get('file');
	if (!(file instanceof File)) throw new ValidationError('Send the file in a field named "file"', { file: ['file_missing'] });
	const alt = form.get('alt');
	return { file, filename: file.name, altText: typeof alt === 'string' ? alt : '' };
}

/**
 * The uploaded file, its name and alt text. Refuses a body announced over the limit before reading it (413), form
 * types other than multipart (415), and a cookie-authenticated multipart post from another origin (403).
 */
export async function readUpload(event: RequestEvent): Promise<Upload> {
	const { request } = event;
	const type = mediaTypeOf(request);
	const length = declaredLength(request);
	if (type === 'multipart/form-data') return readMultipart(event);
	if (type === '' || FORM_TYPES.has(type) || type === 'application/json') {
		throw new UnsupportedMediaTypeError(
			'Send the file as multipart/form-data (field "file"), or as the body with Content-Type: application/octet-stream and ?filename='
		);
	}
	const query = readQuery(event.url, RawUploadQuery);
	if (length !== null && length > ATTACHMENT_MAX_BYTES) throw tooLarge(length);
	const file = await readAtMost(request, ATTACHMENT_MAX_BYTES);
	return { file, filename: query.filename, altText: query.alt };
}

/**
 * A write that may carry files (a message): JSON without files, or multipart/form-data whose text fields are the
 * JSON's (`arrays` name the repeated ones), with `file` parts and an `alt` describing the pictures. The same limits
 * and cross-site rule as readUpload.
 */
export async function readWithFiles<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	arrays: string[] = []
): Promise<{ input: z.output<S>; files: File[]; alt: string }> {
	const type = mediaTypeOf(event.request);
	if (type === 'application/json') return { input: await readJson(event.request, schema), files: [], alt: '' };
	if (type !== 'multipart/form-data') throw new UnsupportedMediaTypeError('Send application/json, or multipart/form-data with files');
	const form = await readMultipartForm(event);
	const fields: Record<string, unknown> = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string' || key === 'alt') continue;
		fields[key] = arrays.includes(key) ? [...((fields[key] as string[]) ?? []), value] : value;
	}
	const alt = form.get('alt');
	return {
		input: schema.parse(fields),
		files: form.getAll('file').filter((f): f is File => f instanceof File),
		alt: typeof alt === 'string' ? alt : ''
	};
}
