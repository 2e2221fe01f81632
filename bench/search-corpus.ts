// The search benchmark's corpus (issue 5): at least 100,000 notes of real prose, French and English, made from the
// manual pages Debian installs (manpages-fr under /usr/share/man/fr, manpages and every other package's English
// pages under /usr/share/man/man*), and 20 representative queries. Rendering 4,000 pages with groff takes minutes,
// so the text is extracted once into .cache/search-corpus.jsonl.gz (gitignored) and reused; the notes are then cut,
// combined and written straight into the tables, as insertNotes writes them, in a few statements per thousand notes.
// The content is decided by a seeded generator: two loads of the same size give the same notes (ids aside).
//
// `node bench/search-corpus.ts` builds the cache (if needed) and prints what the corpus holds;
// `node bench/search-corpus.ts 100000` also writes that many notes into a new in-memory PGlite, or into the empty
// database BENCH_DATABASE_URL names, and prints the rate and the database's size.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { LicenceId } from '../src/lib/domain/licences.ts';
import { slugify } from '../src/lib/domain/slugs.ts';
import { queryRows, schema, type Db } from '../src/lib/server/db/index.ts';
import { insertRows } from '../src/lib/server/db/write-rows.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEARCH_CORPUS_CACHE = join(ROOT, '.cache', 'search-corpus.jsonl.gz');
const MAN = '/usr/share/man';
// Bump when the extraction changes: an older cache is rebuilt.
const CACHE_VERSION = 2;

// ---- progress --------------------------------------------------------------------------------------------------

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** Prints `done / total` at most every 5 s with the rate and the time left, from the rate so far. */
function progress(name: string, total: number, unit: string) {
	const from = Date.now();
	let last = 0;
	return (done: number, force = false) => {
		const now = Date.now();
		if (!force && now - last < 5_000) return;
		last = now;
		const spent = (now - from) / 1000;
		const rate = done / Math.max(spent, 0.001);
		const left = done > 0 && done < total ? `, about ${Math.round((total - done) / rate)} s left` : '';
		log(`  ${name}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} ${unit} (${Math.round(rate)}/s)${left}`);
	};
}

// ---- extraction: man pages to sections of paragraphs ----------------------------------------------------------

type Lang = 'fr' | 'en';
type ManSection = { heading: string; paragraphs: string[] };
type ManPage = {
	lang: Lang;
	/** The page's name and manual section: "ls", "1". */
	name: string;
	section: string;
	/** The NAME line's description: "afficher le contenu de répertoires". */
	description: string;
	/** Where the page comes from, from its footer: "GNU coreutils" (the organisation notes' names). */
	source: string;
	/** Other names that lead to this page (.so stubs and symbolic links): a term's synonyms. */
	aliases: string[];
	sections: ManSection[];
};

// Sections that hold no prose (a command line, references, credits) or the translators' notice.
const SKIPPED = new Set(
	[
		'NAME',
		'NOM',
		'SYNOPSIS',
		'SYNTAXE',
		'SEE ALSO',
		'VOIR AUSSI',
		'TRADUCTION',
		'TRADUCTEURS',
		'TRADUCTEUR',
		'GIT',
		'COPYRIGHT AND LICENSE',
		'AVAILABILITY',
		'COLOPHON',
		'COPYRIGHT',
		'LICENSE',
		'LICENCE',
		'AUTHOR',
		'AUTHORS',
		'AUTEUR',
		'AUTEURS',
		'REPORTING BUGS',
		'SIGNALER DES BOGUES',
		'LIBRARY',
		'BIBLIOTHÈQUE',
		'ATTRIBUTES',
		'ATTRIBUTS',
		'STANDARDS',
		'HISTORY',
		'HISTORIQUE',
		'VERSIONS',
		'CONFORMING TO',
		'CONFORMITÉ'
	].map((s) => s.toLowerCase())
);

// Frequent words of each language, to keep the untranslated English paragraphs of French pages out of French notes.
const STOP = {
	fr: new Set(
		'le la les de des du et est une un pour dans que qui sur pas par avec au aux ce cette sont être ou si ne se son sa ses il elle'.split(
			' '
		)
	),
	en: new Set('the of and is to in for that this with are be by on it an or not if as from can which when will its'.split(' '))
};
function languageOf(text: string): Lang | null {
	let fr = 0;
	let en = 0;
	for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
		if (STOP.fr.has(w)) fr++;
		if (STOP.en.has(w)) en++;
	}
	return fr === en ? null : fr > en ? 'fr' : 'en';
}

/** Prose rather than code, a table or a list of option names: mostly words, few programming symbols. */
function isProse(text: string): boolean {
	const words = text.split(/\s+/).filter(Boolean);
	if (words.length < 5) return false;
	const wordLike = words.filter((w) => /^[«("'‘“]?[\p{L}][\p{L}'’-]*[»)"'’”.,;:!?]*$/u.test(w)).length;
	const symbols = (text.match(/[{}[\];=<>$|\\#*&^~@/]/g) ?? []).length;
	return wordLike / words.length >= 0.6 && symbols / text.length < 0.03;
}

/** "RÉFÉRENCES CROISÉES" → "Références croisées"; a heading already in mixed case stays as it is. */
function headingCase(heading: string): string {
	const h = heading.replace(/\s+/g, ' ').replace(/\s*:$/, '').trim();
	// Mixed case, or an acronym or identifier in capitals (NFS, O_DIRECT): as written.
	if (h !== h.toUpperCase() || (!h.includes(' ') && (h.length <= 3 || /[_\d]/.test(h)))) return h;
	const lower = h.toLowerCase();
	return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const clean = (text: string) =>
	text
		.replace(/\u00ad/g, '')
		.replace(/\s+/g, ' ')
		.trim();

/**
 * The text groff renders (no line wrapping: one line per paragraph) as sections of paragraphs. Headings sit in
 * column 0 (sections) or 3 (subsections), text from column 7; a tagged paragraph (an option and what it does)
 * becomes one paragraph, "tag : text".
 */
export function parseRendered(rendered: string, lang: Lang): Omit<ManPage, 'name' | 'section' | 'aliases'> {
	const lines = rendered.split('\n').map((l) => l.replace(/\s+$/, ''));
	const nonEmpty = lines.map((l, i) => (l ? i : -1)).filter((i) => i >= 0);
	if (nonEmpty.length < 3) return { lang, description: '', source: '', sections: [] };
	const footer = lines[nonEmpty[nonEmpty.length - 1]];
	const source = clean(footer.split(/\s{3,}/)[0] ?? '')
		.replace(/\s+v?\d[\w.:~+-]*$/, '')
		.trim();
	const body = lines.slice(nonEmpty[0] + 1, nonEmpty[nonEmpty.length - 1]);
	const sections: ManSection[] = [];
	let description = '';
	let top = '';
	let current: ManSection | null = null;
	let block: string[] = [];
	const colon = lang === 'fr' ? ' : ' : ': ';
	const flush = () => {
		if (!block.length) return;
		const lines = block;
		block = [];
		let text: string;
		const sameLineTag = /^(\S.{0,40}?)\s{3,}(\S.*)$/.exec(lines[0].trim());
		if (lines.length > 1 && indentOf(lines[1]) > indentOf(lines[0]) && lines[0].trim().length < 80) {
			text = `${clean(lines[0])}${colon}${clean(lines.slice(1).join(' '))}`;
		} else if (sameLineTag && indentOf(lines[0]) >= 7) {
			text = `${clean(sameLineTag[1])}${colon}${clean(`${sameLineTag[2]} ${lines.slice(1).join(' ')}`)}`;
		} else {
			text = clean(lines.join(' '));
		}
		if (['name', 'nom'].includes(top.toLowerCase()) && !description) {
			description = clean(text.replace(/^[^-—]*\s[-—]\s/, ''));
			return;
		}
		if (!current || !isProse(text)) return;
		const language = languageOf(text);
		if (language && language !== lang) return;
		current.paragraphs.push(text);
	};
	for (const line of body) {
		if (!line.trim()) {
			flush();
			continue;
		}
		const indent = indentOf(line);
		if (indent === 0 || (indent <= 4 && line.length < 80 && !block.length)) {
			flush();
			if (indent === 0) top = line.trim();
			const skipped = SKIPPED.has(top.toLowerCase());
			current = skipped ? null : { heading: headingCase(line), paragraphs: [] };
			if (current) sections.push(current);
			continue;
		}
		block.push(line);
	}
	flush();
	return { lang, description, source, sections: sections.filter((s) => s.paragraphs.length) };
}

/** The page as text: groff's man/mdoc macros, tables, UTF-8 in and out, no line length to speak of, no hyphenation. */
function render(roff: Buffer): Promise<string> {
	return new Promise((resolve) => {
		const child = spawn('groff', ['-k', '-Kutf8', '-t', '-mandoc', '-Tutf8', '-rLL=2000n', '-rHY=0', '-P-cbou'], {
			env: { ...process.env, LC_ALL: 'C.UTF-8' },
			stdio: ['pipe', 'pipe', 'ignore']
		});
		const out: Buffer[] = [];
		const timer = setTimeout(() => child.kill(), 30_000);
		child.stdout.on('data', (c: Buffer) => out.push(c));
		child.on('close', () => {
			clearTimeout(timer);
			resolve(Buffer.concat(out).toString('utf8'));
		});
		child.stdin.on('error', () => undefined);
		child.stdin.end(roff);
	});
}

type Source = { lang: Lang; file: string; name: string; section: string };

const nameOf = (file: string) => {
	const m = /^(.+)\.([0-9][^.]*)(\.gz)?$/.exec(basename(file));
	return m ? { name: m[1], section: m[2] } : { name: basename(file), section: '' };
};
// One page's roff, null for a stub that only names another page (.so), which is then an alias of it.
const SO = /^(?:\s*(?:\.\\".*|'\\".*|\.)?\n)*\.so\s+(\S+)/;

/**
 * Every page to render, and the other names of each (.so stubs and links). The gcloud pages (16,000 generated
 * variations of one template on this machine) are left out: they would make a tenth of the English prose.
 */
function listSources(): { sources: Source[]; aliases: Map<string, Set<string>> } {
	const sources: Source[] = [];
	const aliases = new Map<string, Set<string>>();
	const alias = (targetFile: string, file: string) => {
		const key = basename(targetFile).replace(/\.gz$/, '');
		const set = aliases.get(key) ?? new Set();
		set.add(nameOf(file).name);
		aliases.set(key, set);
	};
	const dirs: { lang: Lang; dir: string }[] = [
		...readdirSync(join(MAN, 'fr'))
			.filter((d) => /^man\d$/.test(d))
			.map((d) => ({ lang: 'fr' as const, dir: join(MAN, 'fr', d) })),
		...readdirSync(MAN)
			.filter((d) => /^man\d$/.test(d))
			.map((d) => ({ lang: 'en' as const, dir: join(MAN, d) }))
	];
	for (const { lang, dir } of dirs) {
		for (const entry of readdirSync(dir).sort()) {
			if (entry.startsWith('gcloud')) continue;
			const file = join(dir, entry);
			const stat = lstatSync(file);
			if (stat.isSymbolicLink()) {
				alias(readlinkSync(file), file);
				continue;
			}
			if (!stat.isFile()) continue;
			if (stat.size < 400) {
				const text = (entry.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString('utf8');
				const so = SO.exec(text);
				if (so) {
					alias(so[1], file);
					continue;
				}
			}
			sources.push({ lang, file, ...nameOf(file) });
		}
	}
	return { sources, aliases };
}

type CacheHeader = { version: number; built: string; pages: number };

function readCache(): ManPage[] | null {
	if (!existsSync(SEARCH_CORPUS_CACHE)) return null;
	const lines = gunzipSync(readFileSync(SEARCH_CORPUS_CACHE)).toString('utf8').split('\n').filter(Boolean);
	const header = JSON.parse(lines[0]) as CacheHeader;
	if (header.version !== CACHE_VERSION) return null;
	return lines.slice(1).map((l) => JSON.parse(l) as ManPage);
}

/**
 * The pages' text, from the cache, or rendered now (a few minutes on 2 cores, with progress) and cached. Fails with
 * the packages to install when the French pages are missing.
 */
export async function manCorpus(): Promise<ManPage[]> {
	const cached = readCache();
	if (cached) return cached;
	if (!existsSync(join(MAN, 'fr', 'man1'))) {
		throw new Error(
			`The search benchmark's corpus is made from Debian's manual pages, and ${MAN}/fr is missing: run \`apt-get install manpages manpages-fr\` (as root), then the benchmark again. (Only the benchmark needs them; the test suite does not.)`
		);
	}
	const { sources, aliases } = listSources();
	log(`Extracting the text of ${sources.length.toLocaleString('en')} manual pages into ${SEARCH_CORPUS_CACHE} (once; reused after)…`);
	const tick = progress('rendered', sources.length, 'pages');
	const pages: (ManPage | null)[] = new Array(sources.length).fill(null);
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < sources.length) {
			const i = next++;
			const src = sources[i];
			const raw = readFileSync(src.file);
			const roff = src.file.endsWith('.gz') ? gunzipSync(raw) : raw;
			const parsed = parseRendered(await render(roff), src.lang);
			const key = basename(src.file).replace(/\.gz$/, '');
			if (parsed.sections.length)
				pages[i] = { ...parsed, name: src.name, section: src.section, aliases: [...(aliases.get(key) ?? [])].sort().slice(0, 20) };
			tick(++done);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, cpus().length) }, worker));
	tick(done, true);
	const kept = pages.filter((p): p is ManPage => p !== null);
	const header: CacheHeader = { version: CACHE_VERSION, built: new Date().toISOString(), pages: kept.length };
	mkdirSync(dirname(SEARCH_CORPUS_CACHE), { recursive: true });
	writeFileSync(SEARCH_CORPUS_CACHE, gzipSync([header, ...kept].map((x) => JSON.stringify(x)).join('\n') + '\n'));
	return kept;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

// ---- chunks: note-sized pieces of pages ------------------------------------------------------------------------

/** A piece of a page's section, 100 to 1,500 words (a few shorter ones are only ever joined to another). */
type Chunk = {
	lang: Lang;
	page: ManPage;
	heading: string;
	/** 1 for the first piece of a section, 2… for the next ones. */
	part: number;
	paragraphs: string[];
	words: number;
};

const MIN_WORDS = 100;
const MAX_WORDS = 1500;

/** mulberry32: a small seeded generator, so a corpus of a given size is the same at every load. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
		/** An item by weight: [[item, weight], …]. */
		weighted: <T>(items: readonly (readonly [T, number])[]): T => {
			let r = next() * items.reduce((n, [, w]) => n + w, 0);
			for (const [item, w] of items) if ((r -= w) < 0) return item;
			return items[items.length - 1][0];
		}
	};
}
type Random = ReturnType<typeof random>;

/** A paragraph longer than a note: its sentences, in pieces of at most MAX_WORDS. */
function splitLong(paragraph: string): string[] {
	const sentences = paragraph.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
	const out: string[] = [];
	let cur: string[] = [];
	let n = 0;
	for (const s of sentences) {
		const w = wordCount(s);
		if (n + w > MAX_WORDS && cur.length) {
			out.push(cur.join(' '));
			cur = [];
			n = 0;
		}
		cur.push(s);
		n += w;
	}
	if (cur.length) out.push(cur.join(' '));
	// A "sentence" of more than MAX_WORDS (a list without full stops): cut by words.
	return out.flatMap((p) => {
		const words = p.split(/\s+/);
		if (words.length <= MAX_WORDS) return [p];
		const parts: string[] = [];
		for (let i = 0; i < words.length; i += MAX_WORDS) parts.push(words.slice(i, i + MAX_WORDS).join(' '));
		return parts;
	});
}

/**
 * Sections cut into chunks of a size drawn for each (most 120–300 words, some up to 1,400, as notes are), at
 * paragraph boundaries; a short section joins the next one of its page.
 */
function chunkPages(pages: readonly ManPage[], rng: Random): Chunk[] {
	const chunks: Chunk[] = [];
	const size = () =>
		rng.weighted([
			[120 + rng.int(180), 6],
			[300 + rng.int(400), 3],
			[700 + rng.int(700), 1]
		] as const);
	for (const page of pages) {
		const mine: Chunk[] = [];
		for (const section of page.sections) {
			let target = size();
			let current: Chunk | null = null;
			let part = 0;
			for (const paragraph of section.paragraphs.flatMap((p) => (wordCount(p) > MAX_WORDS ? splitLong(p) : [p]))) {
				const w = wordCount(paragraph);
				if (!current || current.words + w > MAX_WORDS || current.words >= target) {
					current = { lang: page.lang, page, heading: section.heading, part: ++part, paragraphs: [], words: 0 };
					mine.push(current);
					target = size();
				}
				current.paragraphs.push(paragraph);
				current.words += w;
			}
		}
		// A short piece joins the following one of the same page, if both fit in a note.
		for (let i = 0; i < mine.length; i++) {
			const c = mine[i];
			const next = mine[i + 1];
			if (c.words < MIN_WORDS && next && c.words + next.words <= MAX_WORDS) {
				next.paragraphs = [...c.paragraphs, ...(next.heading === c.heading ? [] : [`## ${next.heading}`]), ...next.paragraphs];
				next.words += c.words;
				next.heading = c.heading;
				next.part = c.part;
				mine[i] = null as unknown as Chunk;
			}
		}
		chunks.push(...mine.filter(Boolean));
	}
	return chunks;
}

// ---- the people, communities and notebooks around the notes ---------------------------------------------------

/** A stable id of 16 base64url characters, like newId's, so the queries can name a notebook or a community. */
const stableId = (kind: string, n: number) => createHash('sha256').update(`search-bench:${kind}:${n}`).digest('base64url').slice(0, 16);
export const benchNotebookId = (n: number) => stableId('notebook', n);
export const benchCommunityId = (n: number) => stableId('community', n);
export const benchAuthorId = (n: number) => stableId('author', n);

const AUTHORS = [
	{ handle: 'bench-genevieve-tremblay', name: 'Geneviève Tremblay', locale: 'fr', weight: 6, organisation: 'Collectif Fjord numérique' },
	{ handle: 'bench-mathieu-gagnon', name: 'Mathieu Gagnon', locale: 'fr', weight: 4, organisation: 'CDC du Haut-Richelieu' },
	{ handle: 'bench-amina-diallo', name: 'Amina Diallo', locale: 'fr', weight: 3, organisation: 'Alphabétisation Côte-Nord' },
	{ handle: 'bench-sarah-oconnor', name: 'Sarah O’Connor', locale: 'en', weight: 4, organisation: 'Westside Community Tech Hub' },
	{ handle: 'bench-louis-bergeron', name: 'Louis Bergeron', locale: 'fr', weight: 2, organisation: '' },
	{ handle: 'bench-noah-cohen', name: 'Noah Cohen', locale: 'en', weight: 2, organisation: 'Townships Volunteer Network' },
	{ handle: 'bench-chloe-ouellet', name: 'Chloé Ouellet', locale: 'fr', weight: 1, organisation: 'Radio communautaire de l’Harricana' },
	{ handle: 'bench-admin', name: 'Administration du banc d’essai', locale: 'fr', weight: 1, organisation: '' }
] as const;

// visibility: public, closed or secret; members: the authors (by index) who belong, the first one hosts.
const COMMUNITIES = [
	{
		name: 'Administration système libre',
		visibility: 'public',
		members: [0, 1, 4, 7],
		description: 'Les personnes qui entretiennent les serveurs des organismes et partagent leurs façons de faire.'
	},
	{
		name: 'Programmation libre Montréal',
		visibility: 'public',
		members: [1, 3, 5],
		description: 'Rencontres mensuelles de programmeuses et de programmeurs de logiciels libres.'
	},
	{
		name: 'Documentation technique en français',
		visibility: 'public',
		members: [2, 0, 6],
		description: 'Traduire et vulgariser la documentation technique pour les équipes communautaires.'
	},
	{
		name: 'Linux users of the Eastern Townships',
		visibility: 'public',
		members: [5, 3, 4],
		description: 'A users group for anyone running Linux at home, at school or at work.'
	},
	{
		name: 'Hébergeurs alternatifs du Québec',
		visibility: 'closed',
		members: [0, 2, 3, 6],
		description: 'Coopératives et associations qui hébergent des services libres pour les organismes.'
	},
	{
		name: 'Comité de sécurité informatique',
		visibility: 'secret',
		members: [4, 1, 7],
		description: 'Signalements et correctifs de sécurité, entre membres seulement.'
	}
] as const;

const NOTEBOOK_THEMES: Record<Lang, readonly { title: string; sections: string }[]> = {
	fr: [
		{ title: 'Commandes du quotidien', sections: '1' },
		{ title: 'Le shell et ses outils', sections: '1' },
		{ title: 'Manipuler des fichiers', sections: '1' },
		{ title: 'Traitement de texte en ligne de commande', sections: '1' },
		{ title: 'Paquets Debian', sections: '158' },
		{ title: 'Administration système au quotidien', sections: '8' },
		{ title: 'Démarrage et services', sections: '8' },
		{ title: 'Comptes, groupes et mots de passe', sections: '58' },
		{ title: 'Fichiers de configuration', sections: '5' },
		{ title: 'Programmation système en C', sections: '23' },
		{ title: 'Processus et signaux', sections: '27' },
		{ title: 'Mémoire et fichiers mappés', sections: '23' },
		{ title: 'Réseaux et sockets', sections: '27' },
		{ title: 'Systèmes de fichiers', sections: '2458' },
		{ title: 'Localisation et jeux de caractères', sections: '57' },
		{ title: 'Conventions et vues d’ensemble', sections: '7' },
		{ title: 'Périphériques et pilotes', sections: '4' },
		{ title: 'Sécurité du système', sections: '578' },
		{ title: 'Temps, dates et horloges', sections: '23' },
		{ title: 'Archives et compression', sections: '1' },
		{ title: 'Fiches pour la formation', sections: '17' },
		{ title: 'Glossaire technique', sections: '7' },
		{ title: 'Notes de veille', sections: '12345678' },
		{ title: 'Atelier d’initiation à Linux', sections: '1' },
		{ title: 'Documentation du parc informatique', sections: '58' }
	],
	en: [
		{ title: 'Everyday commands', sections: '1' },
		{ title: 'Shell scripting', sections: '1' },
		{ title: 'Version control with Git', sections: '1' },
		{ title: 'Text processing', sections: '1' },
		{ title: 'Compilers and toolchains', sections: '1' },
		{ title: 'System administration', sections: '8' },
		{ title: 'Boot and services', sections: '8' },
		{ title: 'Networking', sections: '178' },
		{ title: 'Configuration files', sections: '5' },
		{ title: 'C library reference', sections: '3' },
		{ title: 'System calls', sections: '2' },
		{ title: 'Processes and signals', sections: '27' },
		{ title: 'Threads and synchronisation', sections: '37' },
		{ title: 'Memory management', sections: '23' },
		{ title: 'Filesystems and storage', sections: '2458' },
		{ title: 'Cryptography and TLS', sections: '137' },
		{ title: 'Databases', sections: '1' },
		{ title: 'Terminal and I/O', sections: '347' },
		{ title: 'Conventions and overviews', sections: '7' },
		{ title: 'Devices and drivers', sections: '4' },
		{ title: 'Security hardening', sections: '578' },
		{ title: 'Time and clocks', sections: '237' },
		{ title: 'Training handouts', sections: '17' },
		{ title: 'Reading notes', sections: '12345678' },
		{ title: 'Infrastructure runbook', sections: '58' }
	]
};

type BenchNotebook = {
	id: string;
	lang: Lang;
	title: string;
	sections: string;
	creator: number;
	visibility: 'public' | 'community' | 'private';
	communityId: string | null;
};

/** 50 notebooks: 25 per language, mostly public, a few for a community's members or private to their creator. */
function benchNotebooks(): BenchNotebook[] {
	const out: BenchNotebook[] = [];
	for (const lang of ['fr', 'en'] as const) {
		NOTEBOOK_THEMES[lang].forEach((theme, i) => {
			const n = out.length;
			const authorsOfLang = AUTHORS.map((a, j) => ({ a, j })).filter(({ a }) => a.locale === lang || a.handle === 'bench-admin');
			const creator = authorsOfLang[i % authorsOfLang.length].j;
			const visibility = i % 8 === 5 ? 'community' : i % 12 === 11 ? 'private' : 'public';
			const community = COMMUNITIES.findIndex((c) => (c.members as readonly number[]).includes(creator));
			out.push({
				id: benchNotebookId(n),
				lang,
				title: theme.title,
				sections: theme.sections,
				creator,
				visibility,
				communityId: visibility === 'community' ? benchCommunityId(community) : null
			});
		});
	}
	return out;
}

/** Every notebook of the benchmark: its id, title, language and visibility (the queries filter by one). */
export const SEARCH_BENCH_NOTEBOOKS = benchNotebooks().map(({ id, title, lang, visibility }) => ({ id, title, lang, visibility }));

// ---- notes -------------------------------------------------------------------------------------------------------

const LICENCES: readonly (readonly [LicenceId, number])[] = [
	['CC-BY-SA-4.0', 50],
	['CC-BY-4.0', 20],
	['CC-BY-NC-SA-4.0', 10],
	['CC0-1.0', 8],
	['CC-BY-NC-4.0', 6],
	['CC-BY-ND-4.0', 3],
	['CC-BY-NC-ND-4.0', 3]
];
const REGIONS = [
	'Montréal',
	'Capitale-Nationale',
	'Saguenay–Lac-Saint-Jean',
	'Mauricie',
	'Estrie',
	'Outaouais',
	'Bas-Saint-Laurent',
	'Gaspésie–Îles-de-la-Madeleine',
	'Abitibi-Témiscamingue',
	'Côte-Nord',
	'Laurentides',
	'Lanaudière',
	'Montérégie',
	'Laval',
	'Chaudière-Appalaches',
	'Centre-du-Québec'
];
const SECTORS: Record<Lang, string[]> = {
	fr: ['Logiciel libre', 'Éducation populaire', 'Développement local', 'Hébergement mutualisé', 'Formation numérique', 'Recherche'],
	en: ['Free software', 'Digital inclusion', 'Community technology', 'Open infrastructure', 'Training', 'Research']
};
// Titles of the notes that reuse a chunk, so each round reads as another person's note on the same page.
const PREFIXES: Record<Lang, string[]> = {
	fr: ['Fiche', 'Aide-mémoire', 'Notes de lecture', 'Synthèse', 'Mémo', 'Pense-bête', 'Extrait commenté', 'Résumé', 'À retenir', 'Repères'],
	en: [
		'Notes on',
		'Cheat sheet:',
		'Summary of',
		'Reading notes:',
		'Memo:',
		'Quick reference:',
		'Annotated excerpt:',
		'Digest:',
		'Key points:',
		'Primer:'
	]
};

const FIRST_DAY = Date.UTC(2018, 0, 1);
const LAST_DAY = Date.UTC(2025, 9, 31);
const DAY = 86_400_000;

const firstSentence = (text: string) => {
	const m = /^.+?[.!?](?=\s|$)/su.exec(text);
	const s = (m ? m[0] : text).trim();
	return s.length <= 300 ? s : `${s.slice(0, 297).replace(/\s+\S*$/, '')}…`;
};
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

// Footers that name a date, a version or a manual rather than who makes the software.
const NOT_ORGANISATION =
	/^\d|"|\b(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december|version|ver|release|manuals?|manpage|page)\b/iu;

/** An organisation's name from a page's footer, when it names one ("GNU coreutils", not "LS", a date or a version). */
function organisationName(page: ManPage): string | null {
	const name = page.source.replace(/\s+(version|ver)$/i, '').trim();
	if (name.length < 3 || !/\p{Ll}/u.test(name) || NOT_ORGANISATION.test(name)) return null;
	return name.toLowerCase() === page.name.toLowerCase() ? null : name;
}

type NoteRow = typeof schema.note.$inferInsert;

/**
 * Fills a migrated database with `notes` notes (100,000 for the benchmark) made of the manual pages' prose, with
 * their authors, revisions and notebooks, 8 accounts, 6 communities and 50 notebooks. Each note is written as the
 * app writes one (note, revision 1 as its current revision, its author first in the byline), in transactions of
 * 1,000 notes. `seconds` is the writing time (the text comes from the cache, or is extracted first). Prints its
 * progress with an estimate unless `quiet`.
 */
export async function loadSearchCorpus(
	db: Db,
	options: { notes: number; onProgress?(done: number, total: number): void; frenchShare?: number; batch?: number; quiet?: boolean }
): Promise<{ notes: number; seconds: number }> {
	const pages = await manCorpus();
	const rng = random(20_251_127);
	const pools: Record<Lang, Chunk[]> = { fr: [], en: [] };
	for (const chunk of chunkPages(pages, rng)) pools[chunk.lang].push(chunk);
	const from = Date.now();
	const total = options.notes;
	const frenchShare = options.frenchShare ?? 0.4;
	const batch = options.batch ?? 1000;
	if (!options.quiet)
		log(
			`Writing ${total.toLocaleString('en')} notes (${Math.round(frenchShare * 100)} % French) from ${pools.fr.length.toLocaleString('en')} French and ${pools.en.length.toLocaleString('en')} English pieces of ${pages.length.toLocaleString('en')} pages…`
		);

	// People, communities and notebooks.
	const created = new Date(FIRST_DAY - 30 * DAY);
	await db.transaction(async (tx) => {
		await insertRows(
			tx,
			schema.user,
			AUTHORS.map((a, i) => ({
				id: benchAuthorId(i),
				name: a.name,
				email: `${a.handle}@commonplace.localhost`,
				emailVerified: true,
				role: a.handle === 'bench-admin' ? ('admin' as const) : ('member' as const),
				createdAt: created,
				updatedAt: created
			}))
		);
		await insertRows(
			tx,
			schema.profile,
			AUTHORS.map((a, i) => ({
				accountId: benchAuthorId(i),
				handle: a.handle,
				displayName: a.name,
				bio: '',
				pronouns: '',
				organisation: a.organisation,
				locale: a.locale,
				createdAt: created,
				updatedAt: created
			}))
		);
		await insertRows(
			tx,
			schema.community,
			COMMUNITIES.map((c, i) => ({
				id: benchCommunityId(i),
				slug: slugify(c.name),
				name: c.name,
				description: c.description,
				visibility: c.visibility,
				createdBy: benchAuthorId(c.members[0]),
				createdAt: created,
				updatedAt: created
			}))
		);
		await insertRows(
			tx,
			schema.membership,
			COMMUNITIES.flatMap((c, i) =>
				c.members.map((m, k) => ({
					communityId: benchCommunityId(i),
					accountId: benchAuthorId(m),
					role: k === 0 ? ('host' as const) : ('member' as const),
					status: 'active' as const,
					createdAt: created,
					updatedAt: created
				}))
			)
		);
		const notebooks = benchNotebooks();
		await insertRows(
			tx,
			schema.notebook,
			notebooks.map((nb) => ({
				id: nb.id,
				title: nb.title,
				description:
					nb.lang === 'fr'
						? `Ce que nous avons retenu des pages de manuel sur ce thème : ${nb.title.toLowerCase()}.`
						: `What we kept from the manual pages on ${nb.title.toLowerCase()}.`,
				visibility: nb.visibility,
				communityId: nb.communityId,
				createdBy: benchAuthorId(nb.creator),
				createdAt: created,
				updatedAt: created
			}))
		);
		await insertRows(
			tx,
			schema.notebookMember,
			notebooks.map((nb) => ({ notebookId: nb.id, accountId: benchAuthorId(nb.creator), role: 'manager' as const, createdAt: created }))
		);
	});

	const notebooks = benchNotebooks();
	const positions = new Map<string, number>();
	const communitiesOf = AUTHORS.map((_, a) => COMMUNITIES.flatMap((c, i) => ((c.members as readonly number[]).includes(a) ? [i] : [])));
	const authorsOf: Record<Lang, (readonly [number, number])[]> = {
		fr: AUTHORS.map((a, i) => [i, a.locale === 'fr' ? a.weight * 3 : a.weight] as const),
		en: AUTHORS.map((a, i) => [i, a.locale === 'en' ? a.weight * 3 : a.weight] as const)
	};
	const seen: Record<Lang, number> = { fr: 0, en: 0 };
	// Each round over a language's pieces takes them in another order.
	const orders: Record<Lang, number[][]> = { fr: [], en: [] };
	const order = (lang: Lang, round: number) => {
		while (orders[lang].length <= round) {
			const o = pools[lang].map((_, i) => i);
			for (let i = o.length - 1; i > 0; i--) {
				const j = rng.int(i + 1);
				[o[i], o[j]] = [o[j], o[i]];
			}
			orders[lang].push(o);
		}
		return orders[lang][round];
	};
	const tick = progress('notes written', total, 'notes');

	for (let start = 0; start < total; start += batch) {
		const notes: NoteRow[] = [];
		const revisions: (typeof schema.noteRevision.$inferInsert)[] = [];
		const authors: (typeof schema.noteAuthor.$inferInsert)[] = [];
		const inclusions: (typeof schema.notebookNote.$inferInsert)[] = [];
		for (let i = start; i < Math.min(total, start + batch); i++) {
			const lang: Lang = rng.next() < frenchShare ? 'fr' : 'en';
			const pool = pools[lang];
			const k = seen[lang]++;
			const round = Math.floor(k / pool.length);
			const chunk = pool[order(lang, round)[k % pool.length]];
			const page = chunk.page;
			let paragraphs = chunk.paragraphs;
			let words = chunk.words;
			// Reused pieces, and those too short for a note, take a second piece from elsewhere in the corpus.
			if (words < MIN_WORDS || (round > 0 && rng.next() < 0.7)) {
				for (let tries = 0; tries < 5; tries++) {
					const other = rng.pick(pool);
					if (other === chunk || words + other.words > MAX_WORDS) continue;
					paragraphs = [...paragraphs, `## ${other.page.name} — ${other.heading}`, ...other.paragraphs];
					words += other.words;
					if (words >= MIN_WORDS) break;
				}
			}
			const body = paragraphs.join('\n\n');
			const part = chunk.part > 1 ? ` (${chunk.part})` : '';
			let title =
				round === 0
					? `${page.name} — ${chunk.heading}${part}`
					: `${PREFIXES[lang][(round - 1) % PREFIXES[lang].length]}${lang === 'fr' ? ' :' : ''} ${page.name}, ${chunk.heading.toLowerCase()}${part}`;
			const kind = rng.weighted([
				['general', 85],
				['term', 10],
				['organization', 5]
			] as const);
			const org = kind === 'organization' ? organisationName(page) : null;
			const type = kind === 'organization' && !org ? 'general' : kind;
			if (type === 'term') title = round === 0 ? page.name : `${page.name} (${page.section})`;
			if (type === 'organization') title = org!;
			const author = rng.weighted(authorsOf[lang]);
			const roll = rng.next();
			const [visibility, status] =
				roll < 0.8
					? (['public', 'published'] as const)
					: roll < 0.87
						? (['public', 'draft'] as const)
						: roll < 0.93
							? (['community', 'published'] as const)
							: roll < 0.97
								? (['private', 'published'] as const)
								: (['private', 'draft'] as const);
			const communityId = visibility === 'community' ? benchCommunityId(rng.pick(communitiesOf[author])) : null;
			// More notes in recent years, as a platform grows.
			const createdAt = new Date(FIRST_DAY + Math.sqrt(rng.next()) * (LAST_DAY - FIRST_DAY));
			const publishedAt = status === 'published' ? new Date(createdAt.getTime() + rng.int(30) * DAY + rng.int(DAY)) : null;
			const updatedAt = new Date(Math.min(LAST_DAY, (publishedAt ?? createdAt).getTime() + (rng.next() < 0.5 ? 0 : rng.int(200) * DAY)));
			const summary = firstSentence(chunk.paragraphs[0]);
			const id = randomBytes(12).toString('base64url');
			const revisionId = randomBytes(12).toString('base64url');
			const name = slugify(org ?? page.name) || 'projet';
			notes.push({
				id,
				type,
				title: cut(title, 200),
				slug: slugify(title),
				language: lang,
				summary,
				body,
				licence: rng.weighted(LICENCES),
				visibility,
				status,
				communityId,
				currentRevisionId: revisionId,
				externalAuthors: [],
				termDefinition: type === 'term' ? cut(`${capitalise(page.description || summary).replace(/[.\s]*$/, '')}.`, 5000) : null,
				termSynonyms: type === 'term' ? [...page.aliases.slice(0, 6), `${page.name}(${page.section})`].map((s) => cut(s, 120)) : null,
				orgWebsite: type === 'organization' ? `https://${name}.example.org` : null,
				orgRegion: type === 'organization' ? rng.pick(REGIONS) : null,
				orgSector: type === 'organization' ? rng.pick(SECTORS[lang]) : null,
				orgAddress: null,
				orgContact: null,
				createdAt,
				publishedAt,
				updatedAt,
				deletedAt: null
			});
			revisions.push({
				id: revisionId,
				noteId: id,
				number: 1,
				title: cut(title, 200),
				summary,
				body,
				editorId: benchAuthorId(author),
				message: '',
				baseRevisionId: null,
				createdAt: updatedAt
			});
			authors.push({ noteId: id, accountId: benchAuthorId(author), position: 0, status: 'active', invitedBy: null, createdAt });
			// One note in twelve has a co-author from the same communities.
			if (rng.next() < 1 / 12) {
				const peers = [...new Set(communitiesOf[author].flatMap((c) => COMMUNITIES[c].members as readonly number[]))].filter(
					(m) => m !== author
				);
				if (peers.length)
					authors.push({
						noteId: id,
						accountId: benchAuthorId(rng.pick(peers)),
						position: 1,
						status: 'active',
						invitedBy: benchAuthorId(author),
						createdAt
					});
			}
			// Published public notes go into 0, 1 or 2 notebooks, mostly of their theme; others only into their author's.
			const open = visibility === 'public' && status === 'published';
			const candidates = notebooks.filter(
				(nb) => (open || nb.creator === author) && (nb.visibility !== 'community' || communityId === nb.communityId || open)
			);
			const count = rng.weighted([
				[0, open ? 55 : 80],
				[1, open ? 35 : 20],
				[2, open ? 10 : 0]
			] as const);
			const chosen = new Set<BenchNotebook>();
			for (let c = 0; c < count * 3 && chosen.size < count && candidates.length; c++) {
				const themed = candidates.filter((nb) => nb.lang === lang && nb.sections.includes(page.section.charAt(0)));
				chosen.add(themed.length && rng.next() < 0.75 ? rng.pick(themed) : rng.pick(candidates));
			}
			for (const nb of chosen) {
				const position = positions.get(nb.id) ?? 0;
				positions.set(nb.id, position + 1);
				inclusions.push({
					notebookId: nb.id,
					noteId: id,
					includedBy: benchAuthorId(nb.creator),
					includedAt: updatedAt,
					position,
					pinned: false
				});
			}
		}
		await db.transaction(async (tx) => {
			await insertRows(tx, schema.note, notes);
			await insertRows(tx, schema.noteAuthor, authors);
			await insertRows(tx, schema.noteRevision, revisions);
			await insertRows(tx, schema.notebookNote, inclusions);
		});
		const done = Math.min(total, start + batch);
		options.onProgress?.(done, total);
		if (!options.quiet) tick(done, done === total);
	}
	await db.execute(sql`analyze note, note_author, note_revision, notebook_note, notebook`);
	const seconds = (Date.now() - from) / 1000;
	if (!options.quiet) log(`Wrote ${total.toLocaleString('en')} notes in ${seconds.toFixed(1)} s: ${Math.round(total / seconds)} notes/s`);
	return { notes: total, seconds };
}

if (import.meta.main) {
	const pages = await manCorpus();
	for (const lang of ['fr', 'en'] as const) {
		const mine = pages.filter((p) => p.lang === lang);
		const words = mine.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.paragraphs.reduce((k, t) => k + wordCount(t), 0), 0), 0);
		log(`${lang}: ${mine.length} pages, ${words.toLocaleString('en')} words`);
	}
	// With a number of notes, writes them into a new database (PGlite in memory, or BENCH_DATABASE_URL's server)
	// and reports the rate.
	const notes = Number(process.argv[2] ?? 0);
	if (notes > 0) {
		const { openPglite, openPostgres } = await import('../src/lib/server/db/client.ts');
		const url = process.env.BENCH_DATABASE_URL;
		const database = url ? await openPostgres(url) : await openPglite();
		await database.migrate();
		await loadSearchCorpus(database.db, { notes });
		const [size] = await queryRows<{ size: string }>(database.db, sql`select pg_size_pretty(pg_database_size(current_database())) as size`);
		log(`Database size: ${size.size}`);
		await database.close();
	}
}
