// Files of messages over real HTTP: multipart posts through the API (a token) and the pages without JavaScript (a
// session), the files served at /files/{id}/{name}, and leaks: a closed community's file, a hidden message's and a
// deleted message's answer 404 to whoever may not read them. src/lib/server/discussions/message-files.test.ts covers
// the rules.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as files from '../../support/files.ts';
import { client, tag, useApp } from './client.ts';

const t = useApp();
const PUBLIC = 'en-commun-soutien-et-developpement';
const CLOSED = 'bibliotheques-tiers-lieux';

type Part = [bytes: Uint8Array | Buffer, name: string];

function multipart(fields: Record<string, string>, parts: Part[]): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	for (const [bytes, name] of parts) form.append('file', new File([new Uint8Array(bytes)], name));
	return form;
}

/** A multipart API call with a token (scripts). */
async function post(path: string, token: string, form: FormData) {
	const res = await fetch(new URL(path, t.app.url), { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
	return { status: res.status, headers: res.headers, body: await res.json() };
}

const fetchFile = (url: string, cookie = '') => fetch(url, { headers: cookie ? { cookie } : {} });
const cookieOf = (browser: { cookies: Map<string, string> }) => [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

describe('files in discussions', () => {
	it('starts a thread with files through the API, shows them, and serves them to everyone for a public community', async () => {
		const word = tag();
		const started = await post(
			`/api/v1/communities/${PUBLIC}/threads`,
			t.alexToken,
			multipart({ body: `Photos de l’atelier ${word}`, alt: 'Le tableau de l’atelier' }, [
				[await files.pngWithExif(), 'tableau.png'],
				[files.pdf(), 'Notes.pdf']
			])
		);
		expect(started.status).toBe(201);
		const [first] = started.body.messages;
		expect(first.files).toMatchObject([
			{ kind: 'image', filename: 'tableau.png', mime: 'image/png', altText: 'Le tableau de l’atelier' },
			{ kind: 'document', filename: 'Notes.pdf', mime: 'application/pdf', altText: '' }
		]);
		expect(first.html).toContain('alt="Le tableau de l’atelier"');

		const image = await fetchFile(first.files[0].url);
		expect(image.status).toBe(200);
		expect(image.headers.get('content-type')).toBe('image/png');
		expect(image.headers.get('cache-control')).toContain('public');
		expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).exif).toBeUndefined();
		const doc = await fetchFile(first.files[1].url);
		expect(Buffer.from(await doc.arrayBuffer())).toEqual(Buffer.from(files.pdf()));

		// The thread page shows them without JavaScript.
		const page = await (await client(t.app.url).get(`/fr/g/${PUBLIC}/t/${started.body.id}`)).text();
		expect(page).toContain(`/files/${first.files[0].id}/tableau.png`);
		expect(page).toContain('Notes.pdf');
	});

	it('replies with a file from the page form (multipart, no JavaScript), and keeps the text when a file is refused', async () => {
		const word = tag();
		const started = await t.call(`/api/v1/communities/${PUBLIC}/threads`, {
			token: t.hostToken,
			method: 'POST',
			body: { body: `Fil ${word}` }
		});
		const path = `/fr/g/${PUBLIC}/t/${started.body.id}`;
		const sent = await t.alex.postMultipart(
			`${path}?/reply`,
			multipart({ body: `Voici le PV ${word}`, alt: '' }, [[files.pdf(), 'PV.pdf']])
		);
		expect(sent.status).toBe(303);
		const thread = await t.call(`/api/v1/threads/${started.body.id}`);
		expect(thread.body.messages[1].files.map((f: { filename: string }) => f.filename)).toEqual(['PV.pdf']);

		const refused = await t.alex.postMultipart(`${path}?/reply`, multipart({ body: `Mon texte ${word}` }, [[files.html(), 'page.pdf']]));
		expect(refused.status).toBe(415);
		const html = await refused.text();
		expect(html).toContain(`Mon texte ${word}`);
		expect(html).toContain('Ce type de fichier n’est pas accepté');
		expect((await t.call(`/api/v1/threads/${started.body.id}`)).body.messages).toHaveLength(2);
	});

	it('answers the API with problems: a refused type, too many files, a cross-site multipart post', async () => {
		const word = tag();
		const started = await t.call(`/api/v1/communities/${PUBLIC}/threads`, {
			token: t.hostToken,
			method: 'POST',
			body: { body: `Fil ${word}` }
		});
		const path = `/api/v1/threads/${started.body.id}/messages`;
		const refused = await post(path, t.alexToken, multipart({ body: 'Page' }, [[files.html(), 'page.html']]));
		expect([refused.status, refused.body.errors]).toEqual([415, { file: ['file_type_refused'] }]);
		const many = Array.from({ length: 11 }, (_, i): Part => [files.pdf(), `f${i}.pdf`]);
		const tooMany = await post(path, t.alexToken, multipart({ body: 'Beaucoup' }, many));
		expect([tooMany.status, tooMany.body.errors]).toEqual([422, { file: ['message_files_too_many'] }]);
		const crossSite = await fetch(new URL(path, t.app.url), {
			method: 'POST',
			body: multipart({ body: 'Ailleurs' }, [[files.pdf(), 'x.pdf']]),
			headers: { cookie: cookieOf(t.alex), origin: 'https://elsewhere.example', accept: 'application/json' }
		});
		expect(crossSite.status).toBe(403);
		const text = await t.call(path, { token: t.alexToken, method: 'POST', body: { body: 'Sans fichier' } });
		expect([text.status, text.body.files]).toEqual([201, []]);
	});

	it('never serves a file to whoever may not read its message (leaks)', async () => {
		const word = tag();
		const closed = await post(
			`/api/v1/communities/${CLOSED}/threads`,
			t.hostToken,
			multipart({ body: `Interne ${word}` }, [[files.pdf(), 'interne.pdf']])
		);
		expect(closed.status).toBe(201);
		const url = closed.body.messages[0].files[0].url;
		for (const cookie of ['', cookieOf(t.alex)]) {
			const res = await fetchFile(url, cookie);
			expect([res.status, res.headers.get('cache-control')]).toEqual([404, 'no-store']);
		}
		const forHost = await fetchFile(url, cookieOf(t.host));
		expect([forHost.status, forHost.headers.get('cache-control')?.includes('private')]).toEqual([200, true]);

		const open = await post(
			`/api/v1/communities/${PUBLIC}/threads`,
			t.alexToken,
			multipart({ body: `Public ${word}` }, [[files.pdf(), 'a.pdf']])
		);
		const [message] = open.body.messages;
		const fileUrl = message.files[0].url;
		expect((await t.call(`/api/v1/messages/${message.id}/hidden`, { token: t.hostToken, method: 'POST' })).status).toBe(204);
		expect((await fetchFile(fileUrl)).status).toBe(404);
		expect((await t.call(`/api/v1/threads/${open.body.id}`)).body.messages[0].files).toEqual([]);
		expect((await fetchFile(fileUrl, cookieOf(t.host))).status).toBe(200);
		expect((await t.call(`/api/v1/messages/${message.id}/hidden`, { token: t.hostToken, method: 'DELETE' })).status).toBe(204);
		expect((await fetchFile(fileUrl)).status).toBe(200);

		expect((await t.call(`/api/v1/messages/${message.id}`, { token: t.alexToken, method: 'DELETE' })).status).toBe(204);
		for (const cookie of ['', cookieOf(t.alex), cookieOf(t.host)]) expect((await fetchFile(fileUrl, cookie)).status).toBe(404);
	});
});
