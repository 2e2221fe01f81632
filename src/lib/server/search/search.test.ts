import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { canViewNote } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, findCommunityBySlug, inviteByEmail, joinCommunity } from '../communities/index.ts';
import { queryRows, schema } from '../db/index.ts';
import { deleteMessage, postMessage, setMessageHidden, startThread, StartThreadInput } from '../discussions/index.ts';
import { createNotebook, CreateNotebookInput, includeNote, removeNoteFromNotebook } from '../notebooks/index.ts';
import {
	answerAuthorInvitation,
	createNote,
	CreateNoteInput,
	deleteNote,
	insertNotes,
	inviteCoAuthor,
	setNoteStatus,
	updateNote,
	UpdateNoteInput
} from '../notes/index.ts';
import { findNoteWithFacts } from '../notes/queries.ts';
import { searchCommons, suggestSearch, visibleNoteSearchFilter, watchSearchCache, type SearchQuery } from './index.ts';

const t = useTestContext();
const input = (over: Record<string, unknown> = {}) => CreateNoteInput.parse({ title: 'Une note', body: 'Du texte', ...over });
type Account = Awaited<ReturnType<typeof makeAccount>>;

async function publish(author: Account, over: Record<string, unknown>) {
	const v = await author.viewer();
	const { id, revisionId } = await createNote(t.ctx.db, v, input(over));
	await setNoteStatus(t.ctx.db, v, id, 'published');
	return { id, revisionId };
}
const ids = async (viewer: Viewer, query: SearchQuery) =>
	(await searchCommons(t.ctx.db, viewer, { kind: 'note', ...query })).items.map((i) => i.id);

describe('matching', () => {
	let author: Account;
	const n: Record<string, string> = {};
	beforeAll(async () => {
		author = await makeAccount(t.ctx);
		n.sustain = (await publish(author, { title: 'La soutenabilité des communs', body: 'Tenir dans la durée.' })).id;
		n.platforms = (
			await publish(author, { title: 'Coopératives', body: 'Les plateformes coopératives appartiennent à leurs membres.' })
		).id;
		n.english = (
			await publish(author, { title: 'Platform co-ops', body: 'Cooperative platforms are owned by their workers.', language: 'en' })
		).id;
		n.phrase = (await publish(author, { title: 'Économie', body: 'L’économie sociale et solidaire rassemble des entreprises.' })).id;
		n.scattered = (await publish(author, { title: 'Mélange', body: 'Une économie de marché, une politique sociale.' })).id;
		n.term = (
			await publish(author, {
				type: 'term',
				title: 'Tiers-lieu',
				termDefinition: 'Un espace partagé entre usages.',
				termSynonyms: ['fab lab', 'espace commun'],
				body: ''
			})
		).id;
	});

	it('finds words accents, case and inflection aside, in the note’s own language', async () => {
		expect(await ids(anonymous, { q: 'SOUTENABILITE' })).toEqual([n.sustain]);
		expect(await ids(anonymous, { q: 'plateforme' })).toEqual([n.platforms]);
		// The English note is stemmed as English: "platform" finds "platforms" there, never through a French stem.
		expect(await ids(anonymous, { q: 'platform' })).toEqual([n.english]);
		expect((await ids(anonymous, { q: 'cooperative' })).sort()).toEqual([n.platforms, n.english].sort());
	});

	it('understands "phrases", -exclusion and OR', async () => {
		expect((await ids(anonymous, { q: 'économie sociale' })).sort()).toEqual([n.phrase, n.scattered].sort());
		expect(await ids(anonymous, { q: '"économie sociale"' })).toEqual([n.phrase]);
		expect(await ids(anonymous, { q: 'économie -marché' })).toEqual([n.phrase]);
		expect((await ids(anonymous, { q: 'soutenabilité OR plateformes' })).sort()).toEqual([n.sustain, n.platforms].sort());
	});

	it('finds a term by its synonyms and ranks title matches first', async () => {
		expect(await ids(anonymous, { q: 'fab lab' })).toEqual([n.term]);
		const { id: body } = await publish(author, { title: 'Réunion', body: 'Nous avons parlé de coopératives et de coopératives encore.' });
		expect((await ids(anonymous, { q: 'coopératives' }))[0]).toBe(n.platforms);
		expect(await ids(anonymous, { q: 'coopératives' })).toContain(body);
	});

	it('finds a title typed with a typo first, and suggests titles when nothing matches', async () => {
		expect((await ids(anonymous, { q: 'soutenabilte' }))[0]).toBe(n.sustain);
		const none = await searchCommons(t.ctx.db, anonymous, { q: 'cooperatvies xyzzy' });
		expect(none.items).toEqual([]);
		expect(none.total).toBe(0);
		expect(none.didYouMean.map((s) => s.id)).toContain(n.platforms);
	});

	it('highlights the matched words in an escaped snippet that no note can forge', async () => {
		const { id } = await publish(author, {
			title: 'Balises',
			body: '# Les <b>gouvernances</b> <script>alert(1)</script> où a < b & c, un **piège** \uE000faux\uE001 et une [[id:abc|étiquette]].'
		});
		const [item] = (await searchCommons(t.ctx.db, anonymous, { q: 'gouvernance' })).items;
		expect(item.id).toBe(id);
		expect(item.snippet).not.toContain('<script');
		expect(item.snippet).toContain('<mark>gouvernances</mark>');
		expect(item.snippet).toContain('a &lt; b &amp; c');
		expect(item.snippet).toContain('piège');
		expect(item.snippet).not.toContain('**');
		expect(item.snippet).not.toMatch(/<mark>faux/);
		expect(item.snippet).toContain('étiquette');
		expect(item.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
	});
});

describe('phrases', () => {
	// Each note gives the phrase's words a different arrangement; the queries cover every form the word pairs of the
	// index (migration 0014) rewrite, and the answer must be PostgreSQL's own positional check of the stored vectors.
	const texts: Record<string, [string, string, string?]> = {
		exact: ['Stockage', 'Le système de fichiers garde les données.'],
		article: ['Stockage bis', 'Un système des fichiers anciens.'],
		between: ['Stockage ter', 'Un système libre fichiers en vrac.'],
		apart: ['Stockage quater', 'Le système gère aussi nos fichiers.'],
		reversed: ['Stockage quinquies', 'Des fichiers dans le système.'],
		inTitle: ['Le système de fichiers', 'Rien d’autre ici.'],
		memory: ['Mémoire', 'La gestion de la mémoire virtuelle.'],
		hyphen: ['Courriel', 'Envoyez un e-mail à la liste.'],
		english: ['Regexes', 'A regular expression matches text; regular text is not an expression.', 'en'],
		englishApart: ['Regexes bis', 'Regular text, expression of it.', 'en'],
		three: ['Coopératives', 'L’économie sociale et solidaire, une économie sociale mais pas solidaire.']
	};
	const n: Record<string, string> = {};
	beforeAll(async () => {
		const author = await makeAccount(t.ctx);
		for (const [key, [title, body, language]] of Object.entries(texts)) {
			n[key] = (await publish(author, { title, body, ...(language ? { language } : {}) })).id;
		}
	});
	const made = () => Object.values(n);
	const found = async (q: string) => {
		const items = (await searchCommons(t.ctx.db, anonymous, { kind: 'note', q, limit: 50 })).items.map((i) => i.id);
		return items.filter((id) => made().includes(id)).sort();
	};
	// The positional check on the stored vectors, which holds no pairs: what PostgreSQL's phrase operator means.
	const positional = async (q: string) => {
		const rows = await queryRows<{ id: string }>(
			t.ctx.db,
			sql`select note_id as id from note_search where note_id in ${made()} and document @@ commonplace_search_parse(config, ${q}::text)`
		);
		return rows.map((r) => r.id).sort();
	};

	it('finds a phrase as PostgreSQL’s positions do, each word where the phrase puts it, stop words counted', async () => {
		expect(await found('"système de fichiers"')).toEqual([n.exact, n.article, n.between, n.inTitle].sort());
		expect(await found('"regular expression"')).toEqual([n.english]);
		expect(await found('"gestion de la mémoire"')).toEqual([n.memory]);
		expect(await found('e-mail')).toEqual([n.hyphen]);
		expect(await found('"économie sociale et solidaire"')).toEqual([n.three]);
		expect(await found('-"système de fichiers" stockage')).toEqual([n.apart, n.reversed].sort());
	});

	it('agrees with the positional check for every form of query', async () => {
		const queries = [
			'"système de fichiers"',
			'"systeme des fichiers"',
			'"fichiers système"',
			'"système fichiers"',
			'"le système"',
			'"regular expression"',
			'"regular text"',
			'"expression regular"',
			'"gestion de la mémoire"',
			'"gestion mémoire"',
			'"la mémoire virtuelle"',
			'e-mail',
			'"un e-mail à la liste"',
			'"économie sociale et solidaire"',
			'"économie sociale" -solidaire',
			'"sociale solidaire"',
			'stockage -"système de fichiers"',
			'"système de fichiers" OR "regular expression"',
			'-"système de fichiers"',
			'"système de fichiers" "gestion de la mémoire"',
			'"it’s" système'
		];
		for (const q of queries) expect({ q, ids: await found(q) }).toEqual({ q, ids: await positional(q) });
	});

	it('asks the index for a phrase of two words as one pair, and checks longer ones on the notes holding their pairs', async () => {
		const keyQuery = async (q: string) => {
			const [row] = await queryRows<{ keys: string; exact: boolean }>(
				t.ctx.db,
				sql`select commonplace_search_key_query('fr', ${q}::text)::text as keys, commonplace_search_key_exact('fr', ${q}::text) as exact`
			);
			return row;
		};
		expect(await keyQuery('"système de fichiers"')).toEqual({ keys: "'system 2 fichi'", exact: true });
		expect(await keyQuery('-"système de fichiers" OR mot')).toEqual({ keys: "!'system 2 fichi' | 'mot'", exact: true });
		expect(await keyQuery('"gestion de la mémoire"')).toEqual({ keys: "'gestion' & 'memoir'", exact: false });
		expect((await keyQuery('"économie sociale et solidaire"')).keys).toBe(
			"'econom 1 social' & 'social 2 solidair' & 'econom' & 'social' & 'solidair'"
		);
		expect(await keyQuery('-"gestion de la mémoire"')).toEqual({ keys: "'cfg fr'", exact: false });
	});
});

describe('visibility', () => {
	it('agrees with canViewNote for every viewer, status, visibility and deletion', async () => {
		const author = await makeAccount(t.ctx);
		const member = await makeAccount(t.ctx);
		const outsider = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		const slug = `search-${Date.now()}`;
		await createCommunity(t.ctx.db, await author.viewer(), { slug, name: 'Recherche', description: '', visibility: 'public' });
		await joinCommunity(t.ctx, await member.viewer(), slug);
		const communityId = (await findCommunityBySlug(t.ctx.db, slug))!.id;
		const made: string[] = [];
		for (const visibility of ['public', 'community', 'private'] as const) {
			for (const status of ['draft', 'published'] as const) {
				const { id } = await createNote(t.ctx.db, await author.viewer(), input({ visibility, communityId }));
				if (status === 'published') await setNoteStatus(t.ctx.db, await author.viewer(), id, 'published');
				made.push(id);
			}
		}
		const { id: gone } = await publish(author, {});
		await deleteNote(t.ctx.db, await author.viewer(), gone);
		made.push(gone);
		for (const viewer of [anonymous, await author.viewer(), await member.viewer(), await outsider.viewer(), await admin.viewer()]) {
			const rows = await t.ctx.db
				.select({ id: schema.noteSearch.noteId })
				.from(schema.noteSearch)
				.where(sql`${schema.noteSearch.noteId} in ${made} and ${visibleNoteSearchFilter(viewer)}`);
			const listed = new Set(rows.map((r) => r.id));
			for (const id of made) {
				const { facts } = (await findNoteWithFacts(t.ctx.db, id))!;
				expect(listed.has(id), `${viewer.kind} ${JSON.stringify(facts)}`).toBe(canViewNote(viewer, facts));
			}
		}
	});

	it('never shows, counts or suggests what the viewer may not see, and names no hidden notebook or community', async () => {
		const author = await makeAccount(t.ctx);
		const member = await makeAccount(t.ctx);
		const v = await author.viewer();
		const secret = `cachee-${Date.now()}`;
		await createCommunity(t.ctx.db, v, { slug: secret, name: 'Communauté cachée', description: '', visibility: 'secret' });
		await inviteByEmail(t.ctx, v, secret, member.email, 'fr');
		await joinCommunity(t.ctx, await member.viewer(), secret);
		const communityId = (await findCommunityBySlug(t.ctx.db, secret))!.id;
		const word = 'zorglubienne';
		const open = await publish(author, { title: `Note ${word} publique`, communityId });
		const draft = await createNote(t.ctx.db, v, input({ title: `Brouillon ${word}` }));
		const priv = await publish(author, { title: `Privée ${word}`, visibility: 'private' });
		const members = await publish(author, { title: `Membres ${word}`, visibility: 'community', communityId });
		const gone = await publish(author, { title: `Effacée ${word}` });
		await deleteNote(t.ctx.db, v, gone.id);
		const hiddenNotebook = await createNotebook(t.ctx.db, v, CreateNotebookInput.parse({ title: 'Carnet privé', visibility: 'private' }));
		await includeNote(t.ctx.db, v, hiddenNotebook.id, { noteId: open.id, categoryIds: [] });

		const outsider = await makeAccount(t.ctx);
		for (const viewer of [anonymous, await outsider.viewer()]) {
			const r = await searchCommons(t.ctx.db, viewer, { q: word });
			expect(r.items.map((i) => i.id)).toEqual([open.id]);
			expect(r.total).toBe(1);
			expect(r.facets.notebook).toEqual([]);
			expect(r.facets.community).toEqual([]);
			expect(r.facets.kind).toEqual([{ value: 'note', count: 1 }]);
			expect((await searchCommons(t.ctx.db, viewer, { q: word, notebook: hiddenNotebook.id })).total).toBe(0);
			expect((await searchCommons(t.ctx.db, viewer, { q: word, community: secret })).total).toBe(0);
			const suggested = (await suggestSearch(t.ctx.db, viewer, { q: word })).items.map((s) => s.id);
			expect(suggested).toEqual([open.id]);
			expect((await searchCommons(t.ctx.db, viewer, { q: 'Communauté cachée' })).items.filter((i) => i.kind === 'community')).toEqual([]);
		}
		const forMember = await searchCommons(t.ctx.db, await member.viewer(), { q: word });
		expect(forMember.items.map((i) => i.id).sort()).toEqual([open.id, members.id].sort());
		expect(forMember.facets.community).toEqual([{ value: secret, label: 'Communauté cachée', count: 2 }]);
		expect(forMember.facets.notebook).toEqual([]);
		const forAuthor = await searchCommons(t.ctx.db, v, { q: word });
		expect(forAuthor.items.map((i) => i.id).sort()).toEqual([open.id, draft.id, priv.id, members.id].sort());
		expect(forAuthor.facets.notebook).toEqual([{ value: hiddenNotebook.id, label: 'Carnet privé', count: 1 }]);
		// Admins see every note, but a deleted one only where they moderate, not in search.
		const admin = await makeAccount(t.ctx, { admin: true });
		expect((await ids(await admin.viewer(), { q: word })).sort()).toEqual([open.id, draft.id, priv.id, members.id].sort());
	});
});

describe('facets, filters, sorts and pages', () => {
	let a: Account;
	let b: Account;
	let notebookId: string;
	const word = 'quetzalcoatl';
	beforeAll(async () => {
		a = await makeAccount(t.ctx);
		b = await makeAccount(t.ctx);
		notebookId = (
			await createNotebook(t.ctx.db, await a.viewer(), CreateNotebookInput.parse({ title: 'Carnet du serpent', visibility: 'public' }))
		).id;
		for (let i = 0; i < 7; i++) {
			const by = i < 4 ? a : b;
			const { id } = await publish(by, {
				title: `Serpent ${i} ${word}`,
				licence: i % 2 ? 'CC-BY-4.0' : 'CC0-1.0',
				language: i < 5 ? 'fr' : 'en',
				type: i === 6 ? 'term' : 'general'
			});
			if (i < 3) await includeNote(t.ctx.db, await a.viewer(), notebookId, { noteId: id, categoryIds: [] });
		}
	});

	it('counts every result by type, language, licence, notebook, author and year', async () => {
		const r = await searchCommons(t.ctx.db, anonymous, { q: word, limit: 2 });
		expect(r.total).toBe(7);
		expect(r.items).toHaveLength(2);
		expect(r.facets.type).toEqual([
			{ value: 'general', count: 6 },
			{ value: 'term', count: 1 }
		]);
		expect(r.facets.language).toEqual([
			{ value: 'fr', count: 5 },
			{ value: 'en', count: 2 }
		]);
		expect(r.facets.licence).toEqual([
			{ value: 'CC0-1.0', count: 4 },
			{ value: 'CC-BY-4.0', count: 3 }
		]);
		expect(r.facets.notebook).toEqual([{ value: notebookId, label: 'Carnet du serpent', count: 3 }]);
		expect(r.facets.author).toEqual([
			{ value: a.handle, label: expect.any(String), count: 4 },
			{ value: b.handle, label: expect.any(String), count: 3 }
		]);
		expect(r.facets.year).toEqual([{ value: String(new Date().getUTCFullYear()), count: 7 }]);
	});

	it('narrows by notebook, licence, author, language, type and year, with the counts of what remains', async () => {
		const r = await searchCommons(t.ctx.db, anonymous, { q: word, notebook: notebookId, licence: 'CC0-1.0' });
		expect(r.total).toBe(2);
		expect(r.facets.licence).toEqual([{ value: 'CC0-1.0', count: 2 }]);
		expect((await searchCommons(t.ctx.db, anonymous, { q: word, author: `@${b.handle}` })).total).toBe(3);
		expect((await searchCommons(t.ctx.db, anonymous, { q: word, lang: 'en', type: 'term' })).total).toBe(1);
		expect((await searchCommons(t.ctx.db, anonymous, { q: word, year: 1999 })).total).toBe(0);
		// A filter on a note fact keeps notes only.
		expect((await searchCommons(t.ctx.db, anonymous, { q: word, kind: 'notebook', licence: 'CC0-1.0' })).total).toBe(0);
	});

	it('pages through every result once, by relevance and newest first', async () => {
		for (const sort of ['relevance', 'recent'] as const) {
			const seen: string[] = [];
			let cursor: string | undefined;
			do {
				const page = await searchCommons(t.ctx.db, anonymous, { q: word, sort, limit: 3, cursor });
				expect(page.total).toBe(7);
				seen.push(...page.items.map((i) => i.id));
				cursor = page.nextCursor ?? undefined;
			} while (cursor);
			expect(seen).toHaveLength(7);
			expect(new Set(seen).size).toBe(7);
		}
		const newest = await searchCommons(t.ctx.db, anonymous, { q: word, sort: 'recent', limit: 1 });
		expect(newest.items[0].title).toContain('Serpent 6');
		await expect(searchCommons(t.ctx.db, anonymous, { q: word, cursor: 'nonsense' })).rejects.toThrow(ValidationError);
	});

	it('indexes a batch written in one transaction, and pages past the ranked candidates', async () => {
		const author = await makeAccount(t.ctx);
		const word = 'xylophonique';
		const now = new Date();
		// insertNotes takes the fields without the revision message.
		const fieldsOf = (i: number) => {
			const fields: Partial<CreateNoteInput> = CreateNoteInput.parse({ title: `Lot ${i}`, body: `${word} ${'encore '.repeat(i % 40)}` });
			delete fields.message;
			return fields as Omit<CreateNoteInput, 'message'>;
		};
		const batch = Array.from({ length: 230 }, (_, i) => ({
			id: newId(),
			fields: fieldsOf(i),
			linkedIds: [],
			message: '',
			imported: { createdAt: now, updatedAt: now, publishedAt: now }
		}));
		await t.ctx.db.transaction((tx) => insertNotes(tx, author.id, batch));
		const seen = new Set<string>();
		let cursor: string | undefined;
		do {
			const page = await searchCommons(t.ctx.db, anonymous, { q: word, limit: 50, cursor });
			expect(page.total).toBe(230);
			expect(page.facets.author).toEqual([{ value: author.handle, label: expect.any(String), count: 230 }]);
			for (const item of page.items) seen.add(item.id);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		expect(seen.size).toBe(230);
	});

	it('browses by filter alone, newest first', async () => {
		const r = await searchCommons(t.ctx.db, anonymous, { notebook: notebookId });
		expect(r.total).toBe(3);
		expect(r.items.map((i) => i.title)).toEqual([`Serpent 2 ${word}`, `Serpent 1 ${word}`, `Serpent 0 ${word}`]);
	});
});

describe('freshness', () => {
	it('follows a creation, an edit, a new licence, type and language, a visibility change, an inclusion, a co-author and a deletion at once', async () => {
		const author = await makeAccount(t.ctx);
		const coauthor = await makeAccount(t.ctx);
		const v = await author.viewer();
		const { id, revisionId } = await publish(author, { title: 'Fraîcheur', body: 'Un mot: pamplemousse.' });
		expect(await ids(anonymous, { q: 'pamplemousse' })).toEqual([id]);

		const { revisionId: r2 } = await updateNote(
			t.ctx.db,
			v,
			id,
			UpdateNoteInput.parse({ body: 'Un autre mot: mandarine.', baseRevisionId: revisionId })
		);
		expect(await ids(anonymous, { q: 'pamplemousse' })).toEqual([]);
		expect(await ids(anonymous, { q: 'mandarine' })).toEqual([id]);

		// A new licence and type recode the facets in place; a new language parses the text again.
		const { revisionId: r3 } = await updateNote(
			t.ctx.db,
			v,
			id,
			UpdateNoteInput.parse({ licence: 'CC0-1.0', type: 'term', baseRevisionId: r2 })
		);
		expect(await ids(anonymous, { q: 'mandarine', licence: 'CC0-1.0', type: 'term' })).toEqual([id]);
		expect(await ids(anonymous, { q: 'mandarine', licence: 'CC-BY-SA-4.0' })).toEqual([]);
		const byLicence = (await searchCommons(t.ctx.db, anonymous, { q: 'mandarine' })).facets.licence;
		expect(byLicence).toEqual([{ value: 'CC0-1.0', count: 1 }]);
		const { revisionId: r4 } = await updateNote(t.ctx.db, v, id, UpdateNoteInput.parse({ language: 'en', baseRevisionId: r3 }));
		expect(await ids(anonymous, { q: 'mandarine', lang: 'en', type: 'term' })).toEqual([id]);
		expect(await ids(anonymous, { q: 'mandarine', lang: 'fr' })).toEqual([]);

		await updateNote(t.ctx.db, v, id, UpdateNoteInput.parse({ visibility: 'private', baseRevisionId: r4 }));
		expect(await ids(anonymous, { q: 'mandarine' })).toEqual([]);
		expect(await ids(v, { q: 'mandarine' })).toEqual([id]);
		await setNoteStatus(t.ctx.db, v, id, 'draft');
		expect(await ids(v, { q: 'mandarine' })).toEqual([id]);

		const notebook = await createNotebook(t.ctx.db, v, CreateNotebookInput.parse({ title: 'Agrumes', visibility: 'public' }));
		expect(await ids(v, { q: 'mandarine', notebook: notebook.id })).toEqual([]);
		await includeNote(t.ctx.db, v, notebook.id, { noteId: id, categoryIds: [] });
		expect(await ids(v, { q: 'mandarine', notebook: notebook.id })).toEqual([id]);
		await removeNoteFromNotebook(t.ctx.db, v, notebook.id, id);
		expect(await ids(v, { q: 'mandarine', notebook: notebook.id })).toEqual([]);

		await inviteCoAuthor(t.ctx.db, v, id, coauthor.handle);
		expect(await ids(await coauthor.viewer(), { q: 'mandarine' })).toEqual([]);
		await answerAuthorInvitation(t.ctx.db, await coauthor.viewer(), id, true);
		expect(await ids(await coauthor.viewer(), { q: 'mandarine', author: coauthor.handle })).toEqual([id]);

		await deleteNote(t.ctx.db, v, id);
		expect(await ids(v, { q: 'mandarine' })).toEqual([]);
	});
});

describe('notebooks, communities and people', () => {
	it('finds them through their own visibility, accents and case aside', async () => {
		const host = await makeAccount(t.ctx, { handle: `lea-gagnon-${Date.now() % 100000}` });
		const member = await makeAccount(t.ctx);
		const hv = await host.viewer();
		await createCommunity(t.ctx.db, hv, {
			slug: 'developpement-social',
			name: 'Développement social',
			description: '',
			visibility: 'public'
		});
		await createCommunity(t.ctx.db, hv, {
			slug: 'developpement-secret',
			name: 'Développement secret',
			description: '',
			visibility: 'secret'
		});
		await inviteByEmail(t.ctx, hv, 'developpement-secret', member.email, 'fr');
		await joinCommunity(t.ctx, await member.viewer(), 'developpement-secret');
		const nb = await createNotebook(t.ctx.db, hv, CreateNotebookInput.parse({ title: 'Développements privés', visibility: 'private' }));

		const communities = async (viewer: Viewer) =>
			(await searchCommons(t.ctx.db, viewer, { q: 'developpement', kind: 'community' })).items.map((i) => i.id).sort();
		expect(await communities(anonymous)).toEqual(['developpement-social']);
		expect(await communities(await member.viewer())).toEqual(['developpement-secret', 'developpement-social']);
		const all = await searchCommons(t.ctx.db, anonymous, { q: 'DÉVELOPPEMENT' });
		expect(all.items.some((i) => i.id === nb.id)).toBe(false);
		expect(all.facets.kind.find((k) => k.value === 'community')?.count).toBe(1);
		const mine = await searchCommons(t.ctx.db, hv, { q: 'developpements', kind: 'notebook' });
		expect(mine.items.map((i) => [i.id, i.kind, i.url])).toEqual([[nb.id, 'notebook', `/fr/c/${nb.id}`]]);

		const people = await searchCommons(t.ctx.db, anonymous, { q: 'gagnon', kind: 'person' }, { lang: 'en' });
		expect(people.items.map((i) => [i.id, i.url])).toEqual([[host.handle, `/en/u/${host.handle}`]]);
		expect((await searchCommons(t.ctx.db, anonymous, { q: '%' })).items).toEqual([]);
	});
});

describe('messages of discussions', () => {
	it('are found only by those who may read their thread, never once hidden or deleted, and lead to their thread', async () => {
		const host = await makeAccount(t.ctx);
		const outsider = await makeAccount(t.ctx);
		const hv = await host.viewer();
		const open = `place-publique-${Date.now() % 100000}`;
		const closed = `cercle-ferme-${Date.now() % 100000}`;
		await createCommunity(t.ctx.db, hv, { slug: open, name: 'Place publique', description: '', visibility: 'public' });
		await createCommunity(t.ctx.db, hv, { slug: closed, name: 'Cercle fermé', description: '', visibility: 'closed' });
		const host2 = await host.viewer();
		const post = (slug: string, body: string, alsoIn: string[] = []) =>
			startThread(t.ctx.db, host2, slug, StartThreadInput.parse({ body, alsoIn }));
		const inOpen = await post(open, 'Les hirondelles reviennent au jardin communautaire');
		const inClosed = await post(closed, 'Hirondelle : le budget confidentiel du cercle');
		const crossed = await post(closed, 'Hirondelles partagées dans les deux communautés', [open]);
		const reply = await postMessage(t.ctx.db, host2, inOpen.threadId, { body: 'Une hirondelle ne fait pas le printemps' });

		const found = async (viewer: Viewer) =>
			(await searchCommons(t.ctx.db, viewer, { q: 'hirondelle', kind: 'message' }, { lang: 'en' })).items;
		const anon = await found(anonymous);
		expect(anon.map((i) => i.id).sort()).toEqual([inOpen.messageId, crossed.messageId, reply.messageId].sort());
		expect(anon.every((i) => i.kind === 'message' && i.url === `/en/m/${i.id}`)).toBe(true);
		expect(anon.find((i) => i.id === inOpen.messageId)?.snippet).toContain('<mark>');
		expect((await found(await outsider.viewer())).map((i) => i.id)).not.toContain(inClosed.messageId);
		expect((await found(host2)).map((i) => i.id)).toContain(inClosed.messageId);
		const all = await searchCommons(t.ctx.db, anonymous, { q: 'hirondelle' });
		expect(all.facets.kind.find((k) => k.value === 'message')?.count).toBe(3);
		expect(all.items.some((i) => i.id === inClosed.messageId)).toBe(false);

		await setMessageHidden(t.ctx.db, host2, reply.messageId, true);
		await deleteMessage(t.ctx.db, host2, crossed.messageId);
		expect((await found(host2)).map((i) => i.id).sort()).toEqual([inOpen.messageId, inClosed.messageId].sort());
	});
});

describe('the result cache', () => {
	it('answers a repeated query from memory, per visibility class, and forgets everything at the next write', async () => {
		const stop = await watchSearchCache(t.database);
		try {
			const author = await makeAccount(t.ctx);
			const v = await author.viewer();
			const { id } = await publish(author, { title: 'Cache', body: 'Une histoire de kumquats.' });
			const first = await searchCommons(t.ctx.db, anonymous, { q: 'kumquats' });
			expect(first.items.map((i) => i.id)).toEqual([id]);
			first.items.length = 0; // a caller changing its answer changes nobody else's
			expect((await searchCommons(t.ctx.db, anonymous, { q: 'kumquats' })).items.map((i) => i.id)).toEqual([id]);

			const draft = await createNote(t.ctx.db, v, input({ title: 'Brouillon', body: 'D’autres kumquats.' }));
			expect(await ids(anonymous, { q: 'kumquats' })).toEqual([id]);
			expect((await ids(v, { q: 'kumquats' })).sort()).toEqual([id, draft.id].sort());
			await setNoteStatus(t.ctx.db, v, draft.id, 'published');
			expect((await ids(anonymous, { q: 'kumquats' })).sort()).toEqual([id, draft.id].sort());
			await deleteNote(t.ctx.db, v, id);
			expect(await ids(anonymous, { q: 'kumquats' })).toEqual([draft.id]);
		} finally {
			await stop();
		}
	});
});
