import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ValidationError } from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, joinCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { createNote, CreateNoteInput, deleteNote, setNoteStatus } from '../notes/index.ts';
import {
	DirectoryQuery,
	GlossaryQuery,
	listDirectory,
	listDirectoryFacets,
	listGlossary,
	presentOrganizationCard,
	safeWebsite
} from './index.ts';

const t = useTestContext();
// Every test adds to one database: unique words keep each test's notes apart from the others'.
const tag = () => Math.random().toString(36).slice(2, 8);

type Account = Awaited<ReturnType<typeof makeAccount>>;
async function note(author: Account, fields: Record<string, unknown>, status: 'draft' | 'published' = 'published') {
	const viewer = await author.viewer();
	const { id } = await createNote(t.ctx.db, viewer, CreateNoteInput.parse({ body: '', ...fields }));
	if (status === 'published') await setNoteStatus(t.ctx.db, viewer, id, 'published');
	return id;
}
const term = (author: Account, title: string, extra: Record<string, unknown> = {}, status?: 'draft' | 'published') =>
	note(author, { type: 'term', title, termDefinition: `Définition de ${title}`, ...extra }, status);
const organization = (author: Account, title: string, extra: Record<string, unknown> = {}, status?: 'draft' | 'published') =>
	note(author, { type: 'organization', title, ...extra }, status);

const glossary = (viewer: Viewer, query: Record<string, unknown> = {}) => listGlossary(t.ctx.db, viewer, GlossaryQuery.parse(query));
const directory = (viewer: Viewer, query: Record<string, unknown> = {}) => listDirectory(t.ctx.db, viewer, DirectoryQuery.parse(query));
const facetCount = (facets: { value: string; count: number }[], value: string) => facets.find((f) => f.value === value)?.count ?? 0;

describe('the glossary', () => {
	it('groups terms A–Z by their first letter, accents and case aside, with # for the rest', async () => {
		const author = await makeAccount(t.ctx);
		const k = tag();
		const ids = {
			emploi: await term(author, `Emploi ${k}`),
			economie: await term(author, `Économie sociale ${k}`),
			ecologie: await term(author, `écologie ${k}`),
			communs: await term(author, `Communs ${k}`),
			oeuvre: await term(author, `Œuvre ${k}`),
			zebre: await term(author, `Zèbre ${k}`),
			digit: await term(author, `3e voie ${k}`),
			general: await note(author, { title: `Emplacement ${k}` })
		};
		const { items, letters, complete } = await glossary(anonymous);
		const mine = items.filter((i) => i.title.endsWith(k));
		expect(mine.map((i) => [i.letter, i.id])).toEqual([
			['C', ids.communs],
			['E', ids.ecologie],
			['E', ids.economie],
			['E', ids.emploi],
			['O', ids.oeuvre],
			['Z', ids.zebre],
			['#', ids.digit]
		]);
		expect(complete).toBe(true);
		expect(letters.map((l) => l.letter)).toEqual(expect.arrayContaining(['C', 'E', 'O', 'Z', '#']));
		expect(letters.at(-1)?.letter).toBe('#');
		expect(letters.find((l) => l.letter === 'E')!.count).toBeGreaterThanOrEqual(3);

		const underE = await glossary(anonymous, { letter: 'e' });
		expect(underE.items.every((i) => i.letter === 'E')).toBe(true);
		expect(underE.items.filter((i) => i.title.endsWith(k)).map((i) => i.id)).toEqual([ids.ecologie, ids.economie, ids.emploi]);
		// The letters stay those of the whole glossary: the navigation does not shrink to the chosen letter.
		expect(underE.letters).toEqual(letters);
		const others = await glossary(anonymous, { letter: '#' });
		expect(others.items.map((i) => i.id)).toContain(ids.digit);
		expect(others.items.every((i) => i.letter === '#')).toBe(true);
		expect(() => GlossaryQuery.parse({ letter: 'AB' })).toThrow();
	});

	it('shows definitions and synonyms, and finds a term by a synonym, accents aside', async () => {
		const author = await makeAccount(t.ctx);
		const k = tag();
		const id = await term(author, `Tiers-lieu ${k}`, {
			termDefinition: 'Lieu de rencontre entre le domicile et le travail.',
			termSynonyms: [`Troisième lieu ${k}`, 'Third place']
		});
		const found = await glossary(anonymous, { q: `troisieme LIEU ${k}` });
		expect(found.items).toEqual([
			{
				id,
				title: `Tiers-lieu ${k}`,
				letter: 'T',
				definition: 'Lieu de rencontre entre le domicile et le travail.',
				synonyms: [`Troisième lieu ${k}`, 'Third place'],
				summary: '',
				language: 'fr'
			}
		]);
		expect((await glossary(anonymous, { q: `tiers-lieu ${k}` })).items.map((i) => i.id)).toEqual([id]);
		// LIKE wildcards are text like any other.
		expect((await glossary(anonymous, { q: `%${k}` })).items).toEqual([]);
	});

	it('shows drafts, private and community terms only to those who may see them, and counts them only for them', async () => {
		const [author, member, stranger, admin] = [
			await makeAccount(t.ctx),
			await makeAccount(t.ctx),
			await makeAccount(t.ctx),
			await makeAccount(t.ctx, { admin: true })
		];
		const k = tag();
		const { id: communityId, slug } = await createCommunity(t.ctx.db, await author.viewer(), {
			name: `Communauté ${k}`,
			description: '',
			visibility: 'public'
		});
		await joinCommunity(t.ctx, await member.viewer(), slug);
		// Only X-words: the X section of this database holds nothing else, so its count is exactly what each one may see.
		const x = `X${k}`;
		const ids = {
			published: await term(author, `${x} public`),
			draft: await term(author, `${x} brouillon`, {}, 'draft'),
			private: await term(author, `${x} privé`, { visibility: 'private' }),
			community: await term(author, `${x} communauté`, { visibility: 'community', communityId })
		};
		const seen = async (viewer: Viewer) => {
			const g = await glossary(viewer, { letter: 'X' });
			return { ids: g.items.map((i) => i.id).sort(), count: g.letters.find((l) => l.letter === 'X')?.count ?? 0 };
		};
		const sorted = (...list: string[]) => list.sort();
		expect(await seen(anonymous)).toEqual({ ids: [ids.published], count: 1 });
		expect(await seen(await stranger.viewer())).toEqual({ ids: [ids.published], count: 1 });
		expect(await seen(await member.viewer())).toEqual({ ids: sorted(ids.published, ids.community), count: 2 });
		expect(await seen(await author.viewer())).toEqual({ ids: sorted(...Object.values(ids)), count: 4 });
		expect(await seen(await admin.viewer())).toEqual({ ids: sorted(...Object.values(ids)), count: 4 });

		// Deleted: gone for everyone, admins included (they restore from the note page, not from a listing).
		await deleteNote(t.ctx.db, await author.viewer(), ids.published);
		expect(await seen(anonymous)).toEqual({ ids: [], count: 0 });
		expect((await seen(await admin.viewer())).ids).not.toContain(ids.published);
		expect((await seen(await admin.viewer())).count).toBe(3);
	});
});

describe('the directory', () => {
	it('lists organisations by name with region, sector and website, filtered by region and sector, accents aside', async () => {
		const author = await makeAccount(t.ctx);
		const k = tag();
		const [region, sector] = [`Montréal ${k}`, `Économie sociale ${k}`];
		const ids = {
			b: await organization(author, `Bâtisseurs ${k}`, { orgRegion: region, orgSector: sector, orgWebsite: 'https://batisseurs.example' }),
			a: await organization(author, `Atelier ${k}`, { orgRegion: ` montreal ${k} `, orgSector: `Culture ${k}` }),
			c: await organization(author, `Coop ${k}`, { orgRegion: region, orgSector: sector }),
			elsewhere: await organization(author, `Ailleurs ${k}`, { orgRegion: `Gaspésie ${k}`, orgSector: sector }),
			term: await term(author, `Montréal ${k}`, { orgRegion: region })
		};
		const all = await directory(anonymous, { q: k });
		expect(all.items.map((i) => i.id)).toEqual([ids.elsewhere, ids.a, ids.b, ids.c]);
		expect(all.total).toBe(4);
		expect(all.items[2]).toEqual({
			id: ids.b,
			name: `Bâtisseurs ${k}`,
			summary: '',
			region,
			sector,
			website: 'https://batisseurs.example',
			language: 'fr'
		});

		// "montreal" and "Montréal" are one region, named as most organisations spell it.
		const facets = await listDirectoryFacets(t.ctx.db, anonymous);
		expect(facetCount(facets.regions, region)).toBe(3);
		expect(facets.regions.some((f) => f.value === `montreal ${k}`)).toBe(false);
		expect(facetCount(facets.regions, `Gaspésie ${k}`)).toBe(1);
		expect(facetCount(facets.sectors, sector)).toBe(3);

		expect((await directory(anonymous, { region: `MONTREAL ${k}` })).items.map((i) => i.id)).toEqual([ids.a, ids.b, ids.c]);
		const both = await directory(anonymous, { region, sector });
		expect(both.items.map((i) => i.id)).toEqual([ids.b, ids.c]);
		expect(both.total).toBe(2);
		// An empty field of the GET form is no filter.
		expect((await directory(anonymous, { region: '', sector: '', q: k })).total).toBe(4);
	});

	it('keeps hidden and deleted organisations out of the list, the total and the facets', async () => {
		const [author, member, stranger, admin] = [
			await makeAccount(t.ctx),
			await makeAccount(t.ctx),
			await makeAccount(t.ctx),
			await makeAccount(t.ctx, { admin: true })
		];
		const k = tag();
		const { id: communityId, slug } = await createCommunity(t.ctx.db, await author.viewer(), {
			name: `Réseau ${k}`,
			description: '',
			visibility: 'public'
		});
		await joinCommunity(t.ctx, await member.viewer(), slug);
		const secret = (what: string) => ({ orgRegion: `Région ${what} ${k}`, orgSector: `Secteur ${what} ${k}` });
		const ids = {
			published: await organization(author, `Publique ${k}`, secret('publique')),
			draft: await organization(author, `Brouillon ${k}`, secret('brouillon'), 'draft'),
			private: await organization(author, `Privée ${k}`, { ...secret('privée'), visibility: 'private' }),
			community: await organization(author, `Membres ${k}`, { ...secret('membres'), visibility: 'community', communityId })
		};
		const seen = async (viewer: Viewer) => {
			const [page, facets] = await Promise.all([directory(viewer, { q: k }), listDirectoryFacets(t.ctx.db, viewer)]);
			const regions = facets.regions.filter((f) => f.value.endsWith(k)).map((f) => f.value);
			const sectors = facets.sectors.filter((f) => f.value.endsWith(k)).map((f) => f.value);
			return { ids: page.items.map((i) => i.id).sort(), total: page.total, regions: regions.length, sectors: sectors.length };
		};
		const only = (...list: string[]) => ({ ids: list.sort(), total: list.length, regions: list.length, sectors: list.length });
		expect(await seen(anonymous)).toEqual(only(ids.published));
		expect(await seen(await stranger.viewer())).toEqual(only(ids.published));
		expect(await seen(await member.viewer())).toEqual(only(ids.published, ids.community));
		expect(await seen(await author.viewer())).toEqual(only(...Object.values(ids)));
		expect(await seen(await admin.viewer())).toEqual(only(...Object.values(ids)));
		// A hidden organisation's region is not even a filter to pick.
		expect(facetCount((await listDirectoryFacets(t.ctx.db, anonymous)).regions, `Région privée ${k}`)).toBe(0);
		expect((await directory(anonymous, { region: `Région privée ${k}` })).total).toBe(0);

		await deleteNote(t.ctx.db, await author.viewer(), ids.private);
		expect(await seen(await admin.viewer())).toEqual(only(ids.published, ids.draft, ids.community));
		expect(await seen(await author.viewer())).toEqual(only(ids.published, ids.draft, ids.community));
	});

	it('pages through organisations with a cursor, without skipping or repeating one', async () => {
		const author = await makeAccount(t.ctx);
		const k = tag();
		const sector = `Pagination ${k}`;
		// Same names, different ids: the id breaks the tie.
		const names = ['Élan', 'alpha', 'Beta', 'Élan', 'delta'];
		const ids: string[] = [];
		for (const name of names) ids.push(await organization(author, `${name} ${k}`, { orgSector: sector }));
		const seen: string[] = [];
		let cursor: string | undefined;
		let pages = 0;
		do {
			const page = await directory(anonymous, { sector, limit: 2, cursor });
			expect(page.total).toBe(5);
			seen.push(...page.items.map((i) => i.name));
			cursor = page.next ?? undefined;
			pages++;
		} while (cursor);
		expect(pages).toBe(3);
		expect(seen).toEqual([`alpha ${k}`, `Beta ${k}`, `delta ${k}`, `Élan ${k}`, `Élan ${k}`]);
		await expect(directory(anonymous, { sector, cursor: 'not-a-cursor' })).rejects.toThrow(ValidationError);
	});

	it('links only to http and https websites', async () => {
		const author = await makeAccount(t.ctx);
		const k = tag();
		const id = await organization(author, `Vieille fiche ${k}`, { orgWebsite: 'https://ok.example/' });
		// A row from before the form's rule, or from an import.
		await t.ctx.db.update(schema.note).set({ orgWebsite: 'javascript:alert(1)' }).where(eq(schema.note.id, id));
		const [item] = (await directory(anonymous, { q: `Vieille fiche ${k}` })).items;
		expect(presentOrganizationCard(item)).toMatchObject({ website: null, websiteLabel: null });
		expect(safeWebsite('data:text/html,x')).toBeNull();
		expect(safeWebsite('not a url')).toBeNull();
		expect(safeWebsite('http://coop.example/')).toBe('http://coop.example/');
		expect(presentOrganizationCard({ ...item, website: 'https://coop.example/' }).websiteLabel).toBe('coop.example');
	});
});
