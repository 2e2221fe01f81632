// Search over real HTTP (issue 5, DESIGN §6): the API, the suggestions and the page never show, suggest or count a
// note, a notebook or a community the viewer may not see, for every kind of viewer; and the index follows every
// change at once. src/lib/server/search/search.test.ts checks the same rules one level down, on the use case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { apiCall, client, HOST_EMAIL, ALEX_EMAIL, signedIn, tokenOf, type Client, signUpOutsider } from './client.ts';

const VIEWERS = ['anonymous', 'outsider', 'member', 'author', 'admin'] as const;
type Who = (typeof VIEWERS)[number];

const COMMUNITY = 'en-commun-soutien-et-developpement';
const random = () => Math.random().toString(36).slice(2, 10);
// A word no demo note holds, in every title made here: the search for it lists exactly these notes.
const WORD = `zyx${random()}`;

type NoteCase = {
	title: string;
	visibility: 'public' | 'community' | 'private';
	status: 'published' | 'draft';
	then?: 'delete';
	sees: readonly Who[];
};
const NOTES = {
	open: { title: `Ouverte ${WORD}`, visibility: 'public', status: 'published', sees: VIEWERS },
	draft: { title: `Brouillon ${WORD}`, visibility: 'public', status: 'draft', sees: ['author', 'admin'] },
	private: { title: `Privée ${WORD}`, visibility: 'private', status: 'published', sees: ['author', 'admin'] },
	community: { title: `Membres ${WORD}`, visibility: 'community', status: 'published', sees: ['member', 'author', 'admin'] },
	deleted: { title: `Effacée ${WORD}`, visibility: 'public', status: 'published', then: 'delete', sees: [] }
} satisfies Record<string, NoteCase>;
type NoteName = keyof typeof NOTES;

let app: RunningApp;
const browsers = {} as Record<Who, Client>;
const tokens = {} as Record<Who, string | undefined>;
const ids = {} as Record<NoteName, string>;
const secret = { slug: `cercle-${random()}`, name: `Cercle discret ${random()}` };
let privateNotebook: { id: string; title: string };
let publicNotebook: { id: string; title: string };

const api = (who: Who, path: string, method = 'GET', body?: unknown) => apiCall(app.url, path, { token: tokens[who], method, body });
const search = async (who: Who, params: Record<string, string>) => {
	const res = await api(who, `/api/v1/search?${new URLSearchParams(params)}`);
	expect(res.status).toBe(200);
	return res.body as {
		items: { id: string; kind: string; title: string; snippet: string; url: string }[];
		total: number;
		facets: Record<string, { value: string; label?: string; count: number }[]>;
		didYouMean: { id: string; title: string }[];
		nextCursor: string | null;
	};
};
const seenBy = (who: Who) => (Object.keys(NOTES) as NoteName[]).filter((n) => (NOTES[n].sees as readonly Who[]).includes(who));

beforeAll(async () => {
	app = await startApp();
	browsers.anonymous = client(app.url);
	browsers.author = await signedIn(app.url, HOST_EMAIL);
	browsers.member = await signedIn(app.url, ALEX_EMAIL);
	browsers.admin = await signedIn(app.url, 'admin@commonplace.localhost');
	browsers.outsider = await signUpOutsider(app);
	for (const who of VIEWERS) tokens[who] = who === 'anonymous' ? undefined : await tokenOf(browsers[who]);

	// A secret community of the author's alone; the public note belongs to it, so its name must show to nobody else.
	expect((await api('author', '/api/v1/communities', 'POST', { ...secret, visibility: 'secret' })).status).toBe(201);
	const form = await (await browsers.author.get('/en/n/new')).text();
	const optionId = (name: string) => form.match(new RegExp(`<option value="([^"]+)"[^>]*>${name}</option>`))?.[1];
	const demoCommunity = optionId('En commun - soutien et développement');
	const secretCommunity = optionId(secret.name);
	expect(demoCommunity && secretCommunity).toBeTruthy();

	for (const [name, c] of Object.entries(NOTES) as [NoteName, NoteCase][]) {
		const made = await api('author', '/api/v1/notes', 'POST', {
			title: c.title,
			body: `Une note sur les ${WORD} du quartier.`,
			visibility: c.visibility,
			status: c.status,
			communityId: c.visibility === 'community' ? demoCommunity : name === 'open' ? secretCommunity : null
		});
		expect(made.status, name).toBe(201);
		ids[name] = made.body.id;
	}
	expect((await api('author', `/api/v1/notes/${ids.deleted}`, 'DELETE')).status).toBe(204);

	privateNotebook = { id: '', title: `Carnet privé ${random()}` };
	publicNotebook = { id: '', title: `Carnet ouvert ${random()}` };
	for (const [nb, visibility] of [
		[privateNotebook, 'private'],
		[publicNotebook, 'public']
	] as const) {
		const made = await api('author', '/api/v1/notebooks', 'POST', { title: nb.title, visibility });
		expect(made.status).toBe(201);
		nb.id = made.body.id;
		expect((await api('author', `/api/v1/notebooks/${nb.id}/notes`, 'POST', { noteId: ids.open })).status).toBe(204);
	}
	// The demo content makes alex an active member of the demo community, not of the secret one.
	expect((await api('member', `/api/v1/communities/${COMMUNITY}`)).body.membership).toEqual({ role: 'member', status: 'active' });
}, 180_000);
afterAll(() => app?.stop());

describe('what each viewer finds', () => {
	it.each(VIEWERS)('%s: items, total and counts hold only what they may see', async (who) => {
		const seen = seenBy(who);
		const r = await search(who, { q: WORD });
		expect(r.items.map((i) => i.id).sort()).toEqual(seen.map((n) => ids[n]).sort());
		expect(r.total).toBe(seen.length);
		expect(r.facets.kind).toEqual([{ value: 'note', count: seen.length }]);
		expect(r.facets.type.reduce((n, f) => n + f.count, 0)).toBe(seen.length);
		const hidden = (Object.keys(NOTES) as NoteName[]).filter((n) => !seen.includes(n));
		const text = JSON.stringify(r);
		for (const n of hidden) expect(text, n).not.toContain(NOTES[n].title);

		// Notebooks: the private one is named to its manager (and admins) only, and filtering by it tells nobody else anything.
		const mayManage = who === 'author' || who === 'admin';
		expect(r.facets.notebook.map((f) => f.value).sort()).toEqual(
			(mayManage ? [privateNotebook.id, publicNotebook.id] : [publicNotebook.id]).sort()
		);
		expect((await search(who, { q: WORD, notebook: privateNotebook.id })).total).toBe(mayManage ? 1 : 0);
		expect((await search(who, { q: WORD, notebook: publicNotebook.id })).items.map((i) => i.id)).toEqual([ids.open]);

		// Communities: the secret one is named to its members (the author) and admins only.
		const knowsSecret = who === 'author' || who === 'admin';
		expect(r.facets.community.some((f) => f.value === secret.slug)).toBe(knowsSecret);
		expect(text.includes(secret.name)).toBe(knowsSecret);
		expect((await search(who, { q: WORD, community: secret.slug })).total).toBe(knowsSecret ? 1 : 0);
		const communities = await search(who, { q: secret.name, kind: 'community' });
		expect(communities.items.some((i) => i.id === secret.slug)).toBe(knowsSecret);
	});

	it.each(VIEWERS)('%s: suggestions and did-you-mean offer only what they may see', async (who) => {
		const seen = seenBy(who);
		const res = await api(who, `/api/v1/search/suggest?q=${encodeURIComponent(WORD)}&limit=20`);
		expect(res.status).toBe(200);
		const suggested = (res.body.items as { id: string; kind: string }[]).filter((s) => s.kind === 'note').map((s) => s.id);
		expect(suggested.sort()).toEqual(seen.map((n) => ids[n]).sort());
		// A title typed with a typo: found by its likeness only among the notes the viewer may see.
		const typo = await search(who, { q: `Brouilon ${WORD}` });
		const offered = [...typo.items.map((i) => i.id), ...typo.didYouMean.map((s) => s.id)];
		expect(offered.includes(ids.draft)).toBe(seen.includes('draft'));
		expect(offered.includes(ids.deleted)).toBe(false);
	});

	it.each(VIEWERS)('%s: the search page shows and counts only what they may see', async (who) => {
		const res = await browsers[who].get(`/en/search?q=${encodeURIComponent(WORD)}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const seen = seenBy(who);
		for (const n of Object.keys(NOTES) as NoteName[]) expect(html.includes(NOTES[n].title), n).toBe(seen.includes(n));
		expect(html.includes(privateNotebook.title)).toBe(who === 'author' || who === 'admin');
		expect(html.includes(secret.name)).toBe(who === 'author' || who === 'admin');
		expect(html).toContain(seen.length === 1 ? `1 result for` : `${seen.length} results for`);
	});
});

describe('the page without JavaScript', () => {
	it('narrows by a facet link, highlights matches and explains an empty search', async () => {
		const html = await (await browsers.author.get(`/en/search?q=${encodeURIComponent(WORD)}`)).text();
		expect(html).toContain(`<mark>${WORD}</mark>`);
		const facetLink = html
			.match(new RegExp(`href="(/en/search\\?[^"]*notebook=${publicNotebook.id}[^"]*)"`))?.[1]
			?.replaceAll('&amp;', '&');
		expect(facetLink).toBeDefined();
		const narrowed = await (await browsers.author.get(facetLink!)).text();
		expect(narrowed).toContain(NOTES.open.title);
		expect(narrowed).toContain('1 result for');

		const empty = await (await browsers.anonymous.get(`/en/search?q=${encodeURIComponent(`qqq${random()}`)}`)).text();
		expect(empty).toContain('Nothing matches');
		expect((await browsers.anonymous.get('/fr/search')).status).toBe(200);
		expect((await browsers.anonymous.get('/en/search?q=x&limit=nonsense&cursor=zzz')).status).toBe(200);
	});

	it('answers 422 to an invalid query, describes both operations in the OpenAPI document and links them from the index', async () => {
		expect((await api('anonymous', '/api/v1/search?limit=500')).status).toBe(422);
		expect((await api('anonymous', '/api/v1/search?cursor=nonsense&q=x')).status).toBe(422);
		const doc = (await api('anonymous', '/api/v1/openapi.json')).body;
		expect(doc.paths['/api/v1/search'].get.operationId).toBe('search');
		expect(doc.paths['/api/v1/search/suggest'].get.operationId).toBe('suggestSearch');
		const { links } = (await api('anonymous', '/api/v1')).body;
		expect(links.search).toMatch(/\/api\/v1\/search\?q=\{q\}$/);
		expect(links.suggest).toMatch(/\/api\/v1\/search\/suggest\?q=\{q\}$/);
	});
});

describe('messages of discussions', () => {
	it('are found, counted and opened only by those who may read their thread', async () => {
		const word = `msg${random()}`;
		const post = async (slug: string, body: string) => {
			const res = await api('author', `/api/v1/communities/${slug}/threads`, 'POST', { body });
			expect(res.status, slug).toBe(201);
			return res.body.messages[0].id as string;
		};
		const open = await post(COMMUNITY, `Un message ouvert sur les ${word}`);
		const hidden = await post(secret.slug, `Un message du cercle discret sur les ${word}`);
		const sees: Record<Who, string[]> = {
			anonymous: [open],
			outsider: [open],
			member: [open],
			author: [open, hidden],
			admin: [open, hidden]
		};
		for (const who of VIEWERS) {
			const r = await search(who, { q: word });
			expect(r.items.map((i) => i.id).sort(), who).toEqual([...sees[who]].sort());
			expect(r.facets.kind, who).toEqual([{ value: 'message', count: sees[who].length }]);
			if (!sees[who].includes(hidden)) expect(JSON.stringify(r), who).not.toContain('cercle discret');
		}
		const opened = await browsers.author.get(`/en/m/${hidden}`);
		expect(opened.status).toBe(303);
		expect(opened.headers.get('location')).toMatch(new RegExp(`^/en/g/${secret.slug}/t/[\\w-]+#m-${hidden}$`));
		expect((await browsers.member.get(`/en/m/${hidden}`)).status).toBe(404);
		expect((await browsers.anonymous.get(`/en/m/${hidden}`)).status).toBe(404);
		expect((await browsers.anonymous.get(`/en/m/${open}`)).headers.get('location')).toMatch(`/en/g/${COMMUNITY}/t/`);
	});
});

describe('freshness', () => {
	it('finds a note as soon as it is written, edited, unpublished, included and deleted', async () => {
		const word = `fresh${random()}`;
		const other = `fruit${random()}`;
		const made = await api('author', '/api/v1/notes', 'POST', { title: `Note ${word}`, status: 'published' });
		expect(made.status).toBe(201);
		const id = made.body.id as string;
		const found = async (who: Who, q: string, extra: Record<string, string> = {}) =>
			(await search(who, { q, ...extra })).items.map((i) => i.id);
		expect(await found('anonymous', word)).toEqual([id]);

		const edited = await api('author', `/api/v1/notes/${id}`, 'PATCH', {
			body: `Il est question de ${other}.`,
			baseRevisionId: made.body.revisionId
		});
		expect(edited.status).toBe(200);
		expect(await found('anonymous', other)).toEqual([id]);

		const nb = await api('author', '/api/v1/notebooks', 'POST', { title: `Carnet ${random()}`, visibility: 'public' });
		expect(await found('anonymous', other, { notebook: nb.body.id })).toEqual([]);
		expect((await api('author', `/api/v1/notebooks/${nb.body.id}/notes`, 'POST', { noteId: id })).status).toBe(204);
		expect(await found('anonymous', other, { notebook: nb.body.id })).toEqual([id]);

		expect((await api('author', `/api/v1/notes/${id}`, 'PATCH', { status: 'draft', baseRevisionId: edited.body.revisionId })).status).toBe(
			200
		);
		expect(await found('anonymous', other)).toEqual([]);
		expect(await found('author', other)).toEqual([id]);

		expect((await api('author', `/api/v1/notes/${id}`, 'DELETE')).status).toBe(204);
		expect(await found('author', other)).toEqual([]);
	});
});
