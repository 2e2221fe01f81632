// Note attachments over real HTTP: uploads through the API (raw body with a token, multipart from a signed-in
// browser), the refusals (type, size, cross-site), downloads with their headers and byte ranges, the cards in the
// rendered note, and the 404 matrix of DESIGN §6 on /files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from '../../support/files.ts';
import { startApp, type RunningApp } from '../../support/server.ts';
import { apiCall, HOST_EMAIL, signedIn, tokenOf, type ApiCall, type Client } from './client.ts';

const MAX = 25 * 1024 * 1024;
let app: RunningApp;
let host: Client;
let hostToken: string;
let alexToken: string;
let admin: Client;
const call = (path: string, options?: ApiCall) => apiCall(app.url, path, options);

/** The raw file as the body, the way a script uploads. */
async function rawUpload(noteId: string, bytes: Uint8Array, filename: string, token = hostToken, alt = '') {
	const res = await fetch(
		`${app.url}/api/v1/notes/${noteId}/attachments?filename=${encodeURIComponent(filename)}&alt=${encodeURIComponent(alt)}`,
		{
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'accept-language': 'en' },
			body: new Uint8Array(bytes)
		}
	);
	return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A FormData post from a browser with its session cookie, from `origin`. */
async function browserUpload(browser: Client, noteId: string, bytes: Uint8Array, filename: string, origin = app.url) {
	const form = new FormData();
	form.set('file', new File([new Uint8Array(bytes)], filename));
	form.set('alt', 'Une carte');
	const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	return fetch(`${app.url}/api/v1/notes/${noteId}/attachments`, {
		method: 'POST',
		body: form,
		headers: { cookie, origin, accept: 'application/json' }
	});
}

async function newNote(body: Record<string, unknown>) {
	const made = await call('/api/v1/notes', { token: hostToken, method: 'POST', body: { title: `Fichiers ${Math.random()}`, ...body } });
	expect(made.status).toBe(201);
	return made.body as { id: string; revisionId: string };
}

const download = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, app.url), { headers, redirect: 'manual' });
const withCookies = (browser: Client) => ({ cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') });

beforeAll(async () => {
	app = await startApp();
	host = await signedIn(app.url, HOST_EMAIL);
	hostToken = await tokenOf(host);
	alexToken = await tokenOf(await signedIn(app.url, 'alex@commonplace.localhost'));
	admin = await signedIn(app.url, 'admin@commonplace.localhost');
});
afterAll(() => app?.stop());

describe('uploading', () => {
	it('takes a raw file with a token and a multipart form from a signed-in browser of this origin', async () => {
		const { id } = await newNote({ visibility: 'public', status: 'published' });
		const raw = await rawUpload(id, await files.pngWithExif(), 'carte.png', hostToken, 'Carte des lieux');
		expect(raw.status).toBe(201);
		expect(raw.headers.get('location')).toBe(`${app.url}/api/v1/notes/${id}/attachments/${raw.body.id}`);
		expect(raw.body).toMatchObject({
			kind: 'image',
			mime: 'image/png',
			filename: 'carte.png',
			altText: 'Carte des lieux',
			url: `${app.url}/files/${raw.body.id}/carte.png`,
			markdown: `![Carte des lieux](/files/${raw.body.id}/carte.png)`
		});
		const multipart = await browserUpload(host, id, files.pdf(), 'PV.pdf');
		expect(multipart.status).toBe(201);
		expect(await multipart.json()).toMatchObject({ kind: 'document', filename: 'PV.pdf', altText: 'Une carte' });
		const listed = await call(`/api/v1/notes/${id}/attachments`);
		expect(listed.body.items.map((a: { filename: string }) => a.filename)).toEqual(['carte.png', 'PV.pdf']);
	});

	it('refuses a cross-site multipart post, a form that is not multipart, and someone who is not an author', async () => {
		const { id } = await newNote({ visibility: 'public', status: 'published' });
		expect((await browserUpload(host, id, files.pdf(), 'x.pdf', 'https://evil.example')).status).toBe(403);
		const urlencoded = await host.postForm(`/api/v1/notes/${id}/attachments`, { file: 'x' });
		expect(urlencoded.status).toBe(415);
		expect((await rawUpload(id, files.pdf(), 'x.pdf', alexToken)).status).toBe(403);
		expect((await call(`/api/v1/notes/${id}/attachments`)).body.items).toEqual([]);
	});

	it('refuses a file of another type than it claims with 415, and one over the limit with 413, both as problems', async () => {
		const { id } = await newNote({ visibility: 'public', status: 'published' });
		const page = await rawUpload(id, files.html(), 'photo.png');
		expect(page.status).toBe(415);
		expect(page.headers.get('content-type')).toBe('application/problem+json');
		expect(page.body).toMatchObject({
			type: '/problems/file-type-refused',
			title: 'File type not accepted',
			errors: { file: ['file_type_refused'] },
			accepted: expect.arrayContaining(['application/pdf', 'image/png'])
		});
		const big = new Uint8Array(MAX + 1);
		big.set(files.pdf());
		const tooBig = await rawUpload(id, big, 'gros.pdf');
		expect(tooBig.status).toBe(413);
		expect(tooBig.body).toMatchObject({
			type: '/problems/file-too-large',
			title: 'File too large',
			maxBytes: MAX,
			size: MAX + 1,
			errors: { file: ['file_too_large'] }
		});
	});
});

describe('downloading', () => {
	it('serves a public note’s file with its type, safe headers, revalidation and byte ranges', async () => {
		const { id } = await newNote({ visibility: 'public', status: 'published' });
		const bytes = files.mp3();
		const { body: att } = await rawUpload(id, bytes, 'Entrevue été.mp3');
		const path = new URL(att.url).pathname;
		const res = await download(path);
		expect(res.status).toBe(200);
		expect(Object.fromEntries(res.headers)).toMatchObject({
			'content-type': 'audio/mpeg',
			'content-length': String(bytes.length),
			'content-disposition': `inline; filename="Entrevue ete.mp3"; filename*=UTF-8''Entrevue%20%C3%A9t%C3%A9.mp3`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'public, max-age=3600',
			'accept-ranges': 'bytes',
			etag: `"${att.id}"`
		});
		expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
		expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

		const part = await download(path, { range: 'bytes=3-9' });
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe(`bytes 3-9/${bytes.length}`);
		expect(Buffer.from(await part.arrayBuffer()).equals(Buffer.from(bytes.subarray(3, 10)))).toBe(true);
		expect((await download(path, { range: `bytes=${bytes.length}-` })).status).toBe(416);
		expect((await download(path, { 'if-none-match': `"${att.id}"` })).status).toBe(304);
		const head = await fetch(new URL(path, app.url), { method: 'HEAD' });
		expect(head.headers.get('content-length')).toBe(String(bytes.length));
		// Only the id counts: another name reaches the same file, served under its own name.
		expect((await download(`/files/${att.id}/autre.mp3`)).headers.get('content-disposition')).toContain('Entrevue');
	});

	it('offers office documents for download and shows PDFs without a sandbox that would blank them', async () => {
		const { id } = await newNote({ visibility: 'public', status: 'published' });
		const { body: docx } = await rawUpload(id, files.docx(), 'bilan.docx');
		const res = await download(new URL(docx.url).pathname);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="bilan.docx"/);
		const { body: pdf } = await rawUpload(id, files.pdf(), 'pv.pdf');
		const shown = await download(new URL(pdf.url).pathname);
		expect(shown.headers.get('content-disposition')).toMatch(/^inline;/);
		expect(shown.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
	});

	it('answers 404 to whoever may not see the note, exactly as for a file that never existed', async () => {
		const priv = await newNote({ visibility: 'private', status: 'published' });
		const draft = await newNote({ visibility: 'public' });
		const gone = await newNote({ visibility: 'public', status: 'published' });
		const paths: Record<string, string> = {};
		for (const [name, note] of Object.entries({ priv, draft, gone })) {
			const { body } = await rawUpload(note.id, files.pdf(), `${name}.pdf`);
			paths[name] = new URL(body.url).pathname;
		}
		expect((await call(`/api/v1/notes/${gone.id}`, { token: hostToken, method: 'DELETE' })).status).toBe(204);

		const token = (t: string) => ({ authorization: `Bearer ${t}` });
		// [who, headers, sees private, sees draft, sees deleted]
		const table: [string, Record<string, string>, boolean, boolean, boolean][] = [
			['anonymous', {}, false, false, false],
			['another account (token)', token(alexToken), false, false, false],
			['the author (token)', token(hostToken), true, true, false],
			['the author (session)', withCookies(host), true, true, false],
			['an admin (session)', withCookies(admin), true, true, true]
		];
		const missing = await download('/files/AAAAAAAAAAAAAAAA/x.pdf');
		expect(missing.status).toBe(404);
		const missingBody = await missing.text();
		for (const [who, headers, ...sees] of table) {
			for (const [i, name] of ['priv', 'draft', 'gone'].entries()) {
				const res = await download(paths[name], headers);
				expect(res.status, `${who} / ${name}`).toBe(sees[i] ? 200 : 404);
				if (!sees[i]) {
					expect(res.headers.get('cache-control'), `${who} / ${name}`).toBe('no-store');
					expect(await res.text()).toBe(missingBody);
				} else {
					expect(res.headers.get('cache-control'), `${who} / ${name}`).toBe('private, no-cache');
					await res.arrayBuffer();
				}
			}
		}
		expect((await download(paths.priv, token('cp_not-a-real-token'))).status).toBe(401);
		expect((await call(`/api/v1/notes/${priv.id}/attachments`, { token: alexToken })).status).toBe(404);
	});
});

describe('in the note and afterwards', () => {
	it('shows a card and a player in the page, changes the alt text and deletes the file', async () => {
		const note = await newNote({ visibility: 'public', status: 'published' });
		const { body: pdf } = await rawUpload(note.id, files.pdf(), 'Procès-verbal.pdf');
		const { body: mp3 } = await rawUpload(note.id, files.mp3(), 'entrevue.mp3');
		const { body: png } = await rawUpload(note.id, await files.pngWithExif(), 'carte.png');
		const body = `Le compte rendu :\n\n${pdf.markdown}\n\n${mp3.markdown}\n\n${png.markdown}`;
		const saved = await call(`/api/v1/notes/${note.id}`, {
			token: hostToken,
			method: 'PATCH',
			body: { body, baseRevisionId: note.revisionId }
		});
		expect(saved.status).toBe(200);

		const page = await (await download(`/fr/n/${note.id}`)).text();
		expect(page).toContain(`<a class="file-card" href="/files/${pdf.id}/Proc%C3%A8s-verbal.pdf">`);
		expect(page).toContain('PDF · ');
		expect(page).toContain(`<audio controls preload="metadata" src="/files/${mp3.id}/entrevue.mp3"></audio>`);
		expect(page).toMatch(new RegExp(`<img src="/files/${png.id}/carte.png" alt="" loading="lazy"`));

		const alt = await call(`/api/v1/notes/${note.id}/attachments/${png.id}`, {
			token: hostToken,
			method: 'PATCH',
			body: { altText: 'Carte' }
		});
		expect(alt.body).toMatchObject({ altText: 'Carte', markdown: `![Carte](/files/${png.id}/carte.png)` });
		expect(await (await download(`/fr/n/${note.id}`)).text()).toContain(`alt="Carte"`);

		const foreign = await call(`/api/v1/notes/${note.id}/attachments/${pdf.id}`, { token: alexToken, method: 'DELETE' });
		expect(foreign.status).toBe(403);
		expect((await call(`/api/v1/notes/${note.id}/attachments/${pdf.id}`, { token: hostToken, method: 'DELETE' })).status).toBe(204);
		expect((await download(new URL(pdf.url).pathname)).status).toBe(404);
		// A link to a file that is gone is an ordinary link again, like one to a file that never existed.
		const after = await (await download(`/fr/n/${note.id}`)).text();
		expect(after).not.toContain('class="file-card"');
		expect(after).toContain(`<a href="/files/${pdf.id}/Proc%C3%A8s-verbal.pdf">Procès-verbal.pdf</a>`);
	});
});
