// The leak matrix of notes over real HTTP (DESIGN §6, issue 3): every surface the notes issue adds × visibility and
// status × viewer, against the built app. Whoever may not see a note gets, on every single-item surface, exactly the
// answer a note that never existed gets (same status, same body once the id is swapped), finds it in no list, and
// reads its title nowhere. src/lib/server/notes/leaks.test.ts is the same matrix one level down, on the use cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from '../../support/files.ts';
import { startApp, type RunningApp } from '../../support/server.ts';
import { apiCall, client, HOST_EMAIL, signedIn, tokenOf, type Client } from './client.ts';

const VIEWERS = ['anonymous', 'other', 'member', 'author', 'admin'] as const;
type Who = (typeof VIEWERS)[number];

type Case = {
	visibility: 'public' | 'community' | 'private';
	status: 'published' | 'draft';
	/** What happens once the note exists: soft deletion, or a public note made private after anonymous reads. */
	then?: 'delete' | 'make-private';
	/** Who may see it: DESIGN §6, restated here so that the app is checked against the design, not against itself. */
	sees: readonly Who[];
};
const CASES = {
	'public published (control)': { visibility: 'public', status: 'published', sees: VIEWERS },
	'public draft': { visibility: 'public', status: 'draft', sees: ['author', 'admin'] },
	'community published': { visibility: 'community', status: 'published', sees: ['member', 'author', 'admin'] },
	'community draft': { visibility: 'community', status: 'draft', sees: ['author', 'admin'] },
	'private published': { visibility: 'private', status: 'published', sees: ['author', 'admin'] },
	// Read by anonymous visitors while public (so the anonymous page cache holds it), then made private.
	'public, then made private': { visibility: 'public', status: 'published', then: 'make-private', sees: ['author', 'admin'] },
	'deleted (was public)': { visibility: 'public', status: 'published', then: 'delete', sees: ['admin'] }
} satisfies Record<string, Case>;
type CaseName = keyof typeof CASES;

const COMMUNITY = 'en-commun-soutien-et-developpement';
const PASSWORD = 'une phrase de passe assez longue';
const random = () => Math.random().toString(36).slice(2, 10);

type Made = { id: string; token: string; title: string; label: string; revisions: [string, string]; attachmentId: string };
let app: RunningApp;
const browsers = {} as Record<Who, Client>;
const tokens = {} as Record<Who, string | undefined>;
const notes = {} as Record<CaseName, Made>;
let hubId: string;
let notebookId: string;

const api = (who: Who, path: string, method = 'GET', body?: unknown) => apiCall(app.url, path, { token: tokens[who], method, body });
const asAuthor = (path: string, method: string, body?: unknown) => api('author', path, method, body);

/** A fresh account with no community, through the sign-up form and the verification link (mailed to the log). */
async function signUpOther(): Promise<Client> {
	const email = `autre-${random()}@example.org`;
	const from = app.logs.length;
	const res = await client(app.url).postForm('/en/sign-up', {
		email,
		password: PASSWORD,
		handle: `autre-${random()}`,
		displayName: 'Autre Personne',
		locale: 'en'
	});
	expect(res.status).toBe(200);
	const [, link] = await app.waitForLog(/\[mail\] link: (\S+)/, { from });
	expect((await client(app.url).get(link)).status).toBe(302);
	return signedIn(app.url, email, PASSWORD);
}

async function makeNote(name: CaseName, c: Case, communityId: string): Promise<Made> {
	const token = `${random()}${random()}`;
	const title = `Fuite ${token}`;
	const made = await asAuthor('/api/v1/notes', 'POST', {
		title,
		body: `Voir [[id:${hubId}|le carrefour]].`,
		visibility: c.visibility,
		communityId: c.visibility === 'community' ? communityId : null,
		status: c.status
	});
	expect(made.status, name).toBe(201);
	const { id, revisionId: first } = made.body;
	const edited = await asAuthor(`/api/v1/notes/${id}`, 'PATCH', {
		body: `Toujours [[id:${hubId}|le carrefour]], revu.`,
		baseRevisionId: first
	});
	expect(edited.status, name).toBe(200);
	const upload = await fetch(`${app.url}/api/v1/notes/${id}/attachments?filename=a.pdf`, {
		method: 'POST',
		headers: { authorization: `Bearer ${tokens.author}`, 'content-type': 'application/octet-stream' },
		body: files.pdf()
	});
	expect(upload.status, name).toBe(201);
	// The public hub links to it under a label of its own: a reader who may not see the note must read that label only.
	const label = `renvoi-${random()}`;
	return { id, token, title, label, revisions: [first, edited.body.revisionId], attachmentId: (await upload.json()).id };
}

beforeAll(async () => {
	app = await startApp();
	browsers.anonymous = client(app.url);
	browsers.author = await signedIn(app.url, HOST_EMAIL);
	browsers.member = await signedIn(app.url, 'alex@commonplace.localhost');
	browsers.admin = await signedIn(app.url, 'admin@commonplace.localhost');
	browsers.other = await signUpOther();
	for (const who of VIEWERS) tokens[who] = who === 'anonymous' ? undefined : await tokenOf(browsers[who]);

	// The demo content makes alex an active member of the public community and nobody else but its host.
	expect((await api('member', `/api/v1/communities/${COMMUNITY}`)).body.membership).toEqual({ role: 'member', status: 'active' });
	expect((await api('other', `/api/v1/communities/${COMMUNITY}`)).body.membership).toBeNull();
	// The API shows no community id: the editor's community menu does.
	const form = await (await browsers.author.get('/en/n/new')).text();
	const communityId = form.match(/<option value="([^"]+)"[^>]*>En commun - soutien et développement<\/option>/)?.[1];
	expect(communityId).toBeDefined();

	const hub = await asAuthor('/api/v1/notes', 'POST', { title: `Carrefour ${random()}`, visibility: 'public', status: 'published' });
	hubId = hub.body.id;
	for (const [name, c] of Object.entries(CASES) as [CaseName, Case][]) notes[name] = await makeNote(name, c, communityId!);
	const hubBody = Object.values(notes)
		.map((n) => `[[id:${n.id}|${n.label}]]`)
		.join('\n\n');
	expect((await asAuthor(`/api/v1/notes/${hubId}`, 'PATCH', { body: hubBody, baseRevisionId: hub.body.revisionId })).status).toBe(200);

	// A public notebook holds every note: its page, its list and its count must show only what each viewer may see.
	const notebook = await asAuthor('/api/v1/notebooks', 'POST', { title: `Carnet ${random()}`, visibility: 'public' });
	notebookId = notebook.body.id;
	for (const n of Object.values(notes)) {
		expect((await asAuthor(`/api/v1/notebooks/${notebookId}/notes`, 'POST', { noteId: n.id })).status).toBe(204);
	}

	const madePrivate = notes['public, then made private'];
	for (const path of [`/en/n/${madePrivate.id}`, `/en/n/${hubId}`]) {
		expect(await (await browsers.anonymous.get(path)).text(), `anonymous read of ${path} while public`).toContain(madePrivate.token);
	}
	const current = (await asAuthor(`/api/v1/notes/${madePrivate.id}`, 'GET')).body.revisionId;
	expect((await asAuthor(`/api/v1/notes/${madePrivate.id}`, 'PATCH', { visibility: 'private', baseRevisionId: current })).status).toBe(200);
	expect((await asAuthor(`/api/v1/notes/${notes['deleted (was public)'].id}`, 'DELETE')).status).toBe(204);
}, 180_000);
afterAll(() => app?.stop());

// ---- probing ----------------------------------------------------------------------------------------------------

type Answer = { status: number; location: string | null; text: string };

/** A page or file as this viewer's browser gets it (session cookie), or an API answer (bearer token). */
async function probe(who: Who, path: string): Promise<Answer> {
	if (path.startsWith('/api/')) {
		const res = await fetch(new URL(path, app.url), {
			headers: { 'accept-language': 'en', ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}) }
		});
		return { status: res.status, location: null, text: await res.text() };
	}
	const res = await browsers[who].get(path);
	return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

// Ids are base64url; a run of Z of the same length names nothing, so every prefix rule treats both alike.
const missingFor = (id: string) => 'Z'.repeat(id.length);
/** Per-request noise a page carries (CSP nonces), which says nothing about the note. */
const normalise = (text: string) => text.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/nonce-[A-Za-z0-9+/=]+/g, 'nonce-');

/** Asserts the answer about a hidden note is the answer about a note that never existed, the ids aside. */
async function expectLikeMissing(who: Who, path: string, ids: string[], label: string) {
	const swap = (s: string) => ids.reduce((acc, id) => acc.replaceAll(id, missingFor(id)), s);
	const [hidden, missing] = await Promise.all([probe(who, path), probe(who, swap(path))]);
	expect.soft(hidden.status, `${label}: status`).toBe(missing.status);
	expect.soft(hidden.status, `${label}: status`).not.toBe(200);
	expect.soft(swap(hidden.location ?? ''), `${label}: redirect`).toBe(missing.location ?? '');
	expect.soft(normalise(swap(hidden.text)), `${label}: body`).toBe(normalise(missing.text));
	return hidden;
}

type Surface = {
	path: (n: Made) => string;
	/** The answer to someone who may see the note. */
	seen: (who: Who) => number;
	/** The title is part of what a viewer who may see the note gets (a page, the note's JSON, its citation). */
	showsTitle?: boolean;
};
const SURFACES: Record<string, Surface> = {
	page: { path: (n) => `/en/n/${n.id}`, seen: () => 200, showsTitle: true },
	'page (fr)': { path: (n) => `/fr/n/${n.id}`, seen: () => 200, showsTitle: true },
	// A readable suffix redirects to the canonical address: only for a note the viewer may see.
	'page with a slug': { path: (n) => `/en/n/${n.id}-une-note`, seen: () => 301 },
	history: { path: (n) => `/en/n/${n.id}/history`, seen: () => 200, showsTitle: true },
	diff: { path: (n) => `/en/n/${n.id}/diff?from=${n.revisions[0]}&to=${n.revisions[1]}`, seen: () => 200, showsTitle: true },
	// Anonymous visitors are sent to sign in first, whatever the note; then authors (and admins) edit, others may not.
	edit: {
		path: (n) => `/en/n/${n.id}/edit`,
		seen: (who) => (({ anonymous: 303, author: 200, admin: 200 }) as Partial<Record<Who, number>>)[who] ?? 403
	},
	'API note': { path: (n) => `/api/v1/notes/${n.id}`, seen: () => 200, showsTitle: true },
	'API revisions': { path: (n) => `/api/v1/notes/${n.id}/revisions`, seen: () => 200, showsTitle: true },
	'API citation': { path: (n) => `/api/v1/notes/${n.id}/cite?format=apa`, seen: () => 200, showsTitle: true },
	'API authors': { path: (n) => `/api/v1/notes/${n.id}/authors`, seen: () => 200 },
	'API attachments': { path: (n) => `/api/v1/notes/${n.id}/attachments`, seen: () => 200 },
	'attached file': { path: (n) => `/files/${n.attachmentId}/a.pdf`, seen: () => 200 }
};

const seesIt = (name: CaseName, who: Who) => (CASES[name].sees as readonly Who[]).includes(who);

// Pages about other things that could mention a note: fetched once per viewer, after every note exists. Profiles and
// communities count members only, and search finds communities and people only: here they must simply never carry a
// hidden title. The notebook's count is checked per viewer below.
const shared = new Map<string, Promise<string>>();
const sharedText = (who: Who, path: string) => {
	const key = `${who} ${path}`;
	if (!shared.has(key))
		shared.set(
			key,
			probe(who, path).then((a) => a.text)
		);
	return shared.get(key)!;
};
const ELSEWHERE = [
	'/en',
	'/en/u/marie-soleil',
	`/en/g/${COMMUNITY}`,
	'/en/g',
	'/en/search?q=Fuite',
	'/en/notes',
	'/api/v1/profiles/marie-soleil',
	`/api/v1/communities/${COMMUNITY}`,
	// The hub's JSON: its body names hidden notes by id, in its author's words, never by title.
	'/api/v1/notes/HUB'
];

describe('the notebook holding every case', () => {
	it.each(VIEWERS)('counts for %s only the notes they may see', async (who) => {
		const expected = (Object.keys(CASES) as CaseName[]).filter((name) => seesIt(name, who) && name !== 'deleted (was public)').length;
		const notebook = JSON.parse(await sharedText(who, `/api/v1/notebooks/${notebookId}`));
		expect(notebook.noteCount).toBe(expected);
		const page = await sharedText(who, `/en/c/${notebookId}`);
		expect(page).toContain(expected === 1 ? '1 note' : `${expected} notes`);
	});
});

describe.each(Object.keys(CASES) as CaseName[])('a note: %s', (name) => {
	it.each(VIEWERS)('as %s', async (who) => {
		const n = notes[name];
		const sees = seesIt(name, who);
		const at = `${name} / ${who}`;

		for (const [surface, s] of Object.entries(SURFACES)) {
			const label = `${at} / ${surface}`;
			if (!sees) {
				const hidden = await expectLikeMissing(who, s.path(n), [n.id, n.attachmentId], label);
				expect.soft(hidden.text, label).not.toContain(n.token);
				continue;
			}
			const answer = await probe(who, s.path(n));
			expect.soft(answer.status, label).toBe(s.seen(who));
			if (s.showsTitle) expect.soft(answer.text, label).toContain(n.token);
			if (answer.status === 301) expect.soft(answer.location, label).toBe(`/en/n/${n.id}`);
		}

		// Search engines and reference managers read metadata on public, published notes only, whoever asks.
		if (sees) {
			const page = (await probe(who, `/en/n/${n.id}`)).text;
			const isPublic = name === 'public published (control)';
			expect.soft(page.includes('application/ld+json'), `${at}: JSON-LD`).toBe(isPublic);
			expect.soft(page.includes('name="citation_title"'), `${at}: citation_title`).toBe(isPublic);
			expect.soft(page.includes('name="robots" content="noindex"'), `${at}: noindex`).toBe(!isPublic);
		}

		// Listings: the API's list, with the title's unique token and without. Deleted notes stay out even for admins.
		const listed = (body: { items: { id: string }[] }) => body.items.some((item) => item.id === n.id);
		const inList = sees && name !== 'deleted (was public)';
		expect.soft(listed((await api(who, `/api/v1/notes?q=${n.token}`)).body), `${at}: list by title`).toBe(inList);
		expect.soft(listed((await api(who, '/api/v1/notes?limit=100')).body), `${at}: list`).toBe(inList);

		// Links and backlinks on the public hub: the hidden note links to it and it links to the hidden note.
		const hub = await sharedText(who, `/en/n/${hubId}`);
		const backlinks = hub.slice(hub.indexOf('id="backlinks-title"'));
		expect.soft(backlinks.slice(0, backlinks.indexOf('</section>')).includes(n.token), `${at}: backlink`).toBe(sees);
		expect.soft(hub.includes(n.token), `${at}: hub page title`).toBe(sees);
		expect.soft(hub.includes(`href="/en/n/${n.id}"`), `${at}: link on the hub`).toBe(sees);
		// The id is in the hub's own source (its author wrote it, and the page data carries that source): nowhere else.
		expect.soft(hub.replaceAll(`[[id:${n.id}|`, '').includes(n.id), `${at}: hub page id`).toBe(sees);
		// Unseen, the link reads as one to a note that does not exist: the hub's own words, no title, no address.
		expect.soft(hub.includes(`<span class="wikilink-missing">${n.label}</span>`), `${at}: unresolved link`).toBe(!sees);

		// The notebook that holds it: its page and its API list name the note only to those who may see it.
		const inNotebook = sees && name !== 'deleted (was public)';
		const notebookPage = await sharedText(who, `/en/c/${notebookId}`);
		expect.soft(notebookPage.includes(n.token), `${at}: notebook page`).toBe(inNotebook);
		const notebookNotes = JSON.parse(await sharedText(who, `/api/v1/notebooks/${notebookId}/notes?limit=100`));
		expect.soft(listed(notebookNotes), `${at}: notebook API list`).toBe(inNotebook);

		if (!sees) {
			for (const path of ELSEWHERE) {
				const text = await sharedText(who, path.replace('HUB', hubId));
				expect.soft(text, `${at}: ${path}`).not.toContain(n.token);
			}
		}
	});
});
