// The answer to an export link of a notebook or a knowledge base (`…/export.html`, `…/export.zip`, ADR 7): the four
// routes differ only in what they export, so the headers that keep an export private and inert are written once here.
import { rethrowForPage } from './problem.ts';

const FORMATS = {
	// Read in the browser and printed from there.
	html: {
		'content-type': 'text/html; charset=utf-8',
		disposition: 'inline',
		// The document carries no script; forbid any, in case a sanitiser ever lets one through.
		'content-security-policy': "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; media-src *; frame-src https:"
	},
	// A Markdown vault to unpack: saved, not shown.
	zip: { 'content-type': 'application/zip', disposition: 'attachment' }
} as const;

/**
 * Runs `make` (an exporter, which keeps only what the viewer may see) and answers its document as `{name}.{format}`.
 * A domain error becomes the page's error: a hidden notebook or knowledge base is a plain 404.
 */
export async function exportResponse(name: string, format: 'html', make: () => Promise<string>): Promise<Response>;
export async function exportResponse(name: string, format: 'zip', make: () => Promise<Uint8Array>): Promise<Response>;
export async function exportResponse(name: string, format: keyof typeof FORMATS, make: () => Promise<string | Uint8Array>) {
	let body: string | Uint8Array;
	try {
		body = await make();
	} catch (e) {
		rethrowForPage(e);
	}
	const { disposition, ...headers } = FORMATS[format];
	return new Response(body as string | Uint8Array<ArrayBuffer>, {
		headers: {
			...headers,
			'content-disposition': `${disposition}; filename="${name}.${format}"`,
			// Its content depends on who asks.
			'cache-control': 'private, no-store'
		}
	});
}
