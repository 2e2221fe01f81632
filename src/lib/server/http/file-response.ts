// Answers a request for a stored file: the right headers for untrusted bytes, conditional requests and byte ranges
// (RFC 9110 §13–14), so audio and video can seek. The bytes stream from storage; a large file is never held whole.
import { attachmentType } from '../../domain/attachments.ts';
import type { StoredFile } from '../storage/index.ts';

export interface FileToServe {
	/** Never changes for the same bytes (an attachment's id): the strong validator. */
	id: string;
	filename: string;
	mime: string;
	file: StoredFile;
	/** Shared caches may keep it (everyone may see it). */
	isPublic: boolean;
}

// Anything opened directly runs in an opaque origin with no script: an HTML-looking file that slipped past the
// sniffer, or a crafted media file, cannot reach the session or the pages of this origin.
const SANDBOXED = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";
// PDFs are shown by the browser's own viewer, which runs a PDF's scripts apart from our origin. `sandbox` would keep
// Chrome and Safari from showing them at all (Chromium bug 413851), so PDFs get only what cannot break the viewer.
const PDF = "frame-ancestors 'none'";

/** RFC 6266 / RFC 8187: an ASCII fallback name and the exact UTF-8 name. */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
	const ascii = filename
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]/g, '_')
		.replace(/["\\]/g, '_');
	const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

type Range = { start: number; end: number } | 'unsatisfiable' | null;

/** One `bytes=` range (several ranges are answered with the whole file, which RFC 9110 allows); null for none. */
export function parseRange(header: string | null, size: number): Range {
	const m = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
	if (!m || (m[1] === '' && m[2] === '')) return null;
	if (m[1] === '') {
		// "bytes=-500": the last 500 bytes.
		const suffix = Number(m[2]);
		if (suffix === 0 || size === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(m[1]);
	const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
	if (start >= size || end < start) return 'unsatisfiable';
	return { start, end };
}

/** The response for GET (with body) or HEAD (headers only) of a file the caller has already allowed. */
export function fileResponse(request: Request, f: FileToServe): Response {
	const { size } = f.file;
	const etag = `"${f.id}"`;
	const inline = attachmentType(f.mime)?.inline ?? false;
	const headers = new Headers({
		'content-type': f.mime,
		'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', f.filename),
		'x-content-type-options': 'nosniff',
		'content-security-policy': f.mime === 'application/pdf' ? PDF : SANDBOXED,
		'cross-origin-resource-policy': f.isPublic ? 'cross-origin' : 'same-origin',
		// A public note may become private: shared caches keep its files an hour at most. Private files are revalidated
		// on every use, so a reader who loses access loses the file too.
		'cache-control': f.isPublic ? 'public, max-age=3600' : 'private, no-cache',
		'accept-ranges': 'bytes',
		etag,
		'last-modified': f.file.modified.toUTCString()
	});
	if (!f.isPublic) headers.set('vary', 'Cookie, Authorization');
	const body = (start?: number, end?: number) => (request.method === 'HEAD' ? null : f.file.stream(start, end));

	const ifNoneMatch = request.headers.get('if-none-match');
	if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers });
	}
	// If-Range: a client resuming an older copy gets the whole file rather than a piece of another.
	const ifRange = request.headers.get('if-range');
	const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get('range'), size);
	if (range === 'unsatisfiable') {
		headers.set('content-range', `bytes */${size}`);
		headers.delete('content-disposition');
		return new Response(null, { status: 416, headers });
	}
	if (range) {
		headers.set('content-range', `bytes ${range.start}-${range.end}/${size}`);
		headers.set('content-length', String(range.end - range.start + 1));
		return new Response(body(range.start, range.end), { status: 206, headers });
	}
	headers.set('content-length', String(size));
	return new Response(size === 0 ? null : body(), { status: 200, headers });
}
