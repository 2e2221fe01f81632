// Writes docs/THIRD-PARTY.md from package.json, node_modules and package-lock.json, so the list of what we ship
// and under which licence never drifts from what is installed. `--check` exits 1 when the file is out of date.
//   npx node scripts/third-party.ts [--check]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

type Manifest = {
	name?: string;
	version?: string;
	license?: string | { type: string };
	licenses?: { type: string }[];
	homepage?: string;
	repository?: string | { url: string };
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	os?: string[];
	cpu?: string[];
};

const OUT = 'docs/THIRD-PARTY.md';
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

// What each runtime dependency does here; a dependency missing from this map is flagged in the output.
// The vendored CSL files and where each came from: written by hand, kept here so a regeneration keeps it.
const CITATION_STYLES =
	'## Citation styles and locales\n\nCitation Style Language files from the CSL project (https://citationstyles.org), under CC BY-SA 3.0, each keeping its `<info>` block with authors and licence. Details and checksums: `src/lib/server/citations/styles/README.md`.\n\n| File or item                                                                  | Style                                                                          | Source                                                                                    | Changes                                                                                              |\n| ----------------------------------------------------------------------------- | ------------------------------------------------------------------------------ | ----------------------------------------------------------------------------------------- | ---------------------------------------------------------------------------------------------------- |\n| `src/lib/server/citations/styles/modern-language-association.ts`              | MLA 9th edition (2021-07-13), Sebastian Karcher                                | copied byte for byte from the npm package `rehype-citation` 2.3.2 (MIT), which bundles it | at run time, the access date is printed whenever there is one (`src/lib/server/citations/engine.ts`) |\n| `src/lib/server/citations/styles/chicago-author-date-17th-edition.ts`         | Chicago 17th edition, author-date (2018-01-24), Julian Onions and contributors | as above                                                                                  | as above                                                                                             |\n| APA 7th edition, bundled in `@citation-js/plugin-csl`                         | APA 7th edition                                                                | `@citation-js/plugin-csl` 0.9.0                                                           | as above                                                                                             |\n| fr-CA locale, made from the fr-FR locale bundled in `@citation-js/plugin-csl` | —                                                                              | `@citation-js/plugin-csl` 0.9.0                                                           | language tag fr-CA; the "retrieved" term reads « consulté le »                                       |';

const RUNTIME_USE: Record<string, string> = {
	'@electric-sql/pglite': 'embedded PostgreSQL (WASM), the default database',
	'@inlang/paraglide-js': 'compiles `messages/*.json` into typed message functions; locale detection at run time',
	'better-auth': 'accounts, sessions, email verification, password reset',
	'drizzle-orm': 'typed SQL and the in-process migrators (PGlite and node-postgres)',
	'file-type': 'detects the real type of uploaded files from their bytes',
	'markdown-it': 'renders the stored Markdown',
	nodemailer: 'sends mail over SMTP or writes .eml files',
	pg: 'PostgreSQL client when `DATABASE_URL` is set',
	'sanitize-html': 'sanitises rendered HTML again (defence in depth)',
	sharp: 're-encodes uploaded pictures (avatars), dropping their metadata',
	zod: 'validation of every input (forms, API, environment)',
	'zod-openapi': 'the OpenAPI 3.1 document of /api/v1, from the Zod schemas',
	'@citation-js/core': 'citations of notes (CSL-JSON in, formatted text out)',
	'@citation-js/plugin-bibtex': 'BibTeX export of citations',
	'@citation-js/plugin-csl': 'APA, MLA and Chicago formatting through citeproc-js',
	'@citation-js/plugin-ris': 'RIS export of citations',
	'd3-force': 'lays out the graph of a notebook’s notes and their links',
	diff: 'word-level differences between revisions and in the conflict screen',
	fflate: 'reads and writes the Markdown zip archives of notebook import and export',
	'markdown-it-anchor': 'heading anchors of rendered notes',
	yaml: 'the front matter of imported and exported Markdown notes'
};

// Development dependencies whose code ends up in build/: adapter-node bundles everything but `dependencies`.
const BUNDLED = new Set(['svelte', '@sveltejs/kit']);

// Licences that ask only for the notice to be kept; anything else is listed by name below.
const PERMISSIVE = new Set([
	'MIT',
	'MIT-0',
	'ISC',
	'0BSD',
	'BSD-2-Clause',
	'BSD-3-Clause',
	'Apache-2.0',
	'(Apache-2.0 WITH LLVM-exception)',
	'Apache-2.0 WITH LLVM-exception',
	'BlueOak-1.0.0',
	'CC0-1.0',
	'Unlicense',
	'PSF-2.0'
]);

function licenceOf(m: Manifest, dir?: string): string {
	if (typeof m.license === 'string') return m.license;
	if (m.license?.type) return m.license.type;
	if (m.licenses?.length) return m.licenses.map((l) => l.type).join(' OR ');
	// Some packages state the licence only in their LICENSE file.
	const file = dir && ['LICENSE', 'LICENSE.md', 'LICENCE'].map((f) => `${dir}/${f}`).find((f) => existsSync(f));
	if (file && /^\s*MIT License/.test(readFileSync(file, 'utf8'))) return 'MIT';
	return 'not stated';
}

function sourceOf(m: Manifest): string {
	const repo = typeof m.repository === 'string' ? m.repository : m.repository?.url;
	const url = m.homepage ?? repo ?? '';
	const clean = url
		.replace(/^git\+/, '')
		.replace(/^git:\/\//, 'https://')
		.replace(/^ssh:\/\/git@github\.com/, 'https://github.com')
		.replace(/\.git$/, '')
		.replace(/#readme$/, '');
	return /^[\w-]+\/[\w.-]+$/.test(clean) ? `https://github.com/${clean}` : clean;
}

const installed = (name: string) => readJson<Manifest>(`node_modules/${name}/package.json`);
const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;

// The production tree: what `npm install --omit=dev` would bring, resolved through the lockfile.
type LockEntry = Manifest & { dev?: boolean };
function productionTree(rootDeps: string[]) {
	const lock = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json').packages;
	const resolve = (from: string, name: string): string | undefined => {
		let base = from;
		for (;;) {
			const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
			if (lock[candidate]) return candidate;
			if (!base) return undefined;
			const cut = base.lastIndexOf('/node_modules/');
			base = cut === -1 ? '' : base.slice(0, cut);
		}
	};
	const seen = new Map<string, { parent: string }>();
	const queue = rootDeps.map((name) => ({ from: '', name, parent: '(root)' }));
	while (queue.length) {
		const { from, name, parent } = queue.shift()!;
		const path = resolve(from, name);
		if (!path || seen.has(path)) continue;
		seen.set(path, { parent });
		const entry = lock[path];
		for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
			queue.push({ from: path, name: dep, parent: name });
		}
	}
	return [...seen].map(([path, { parent }]) => {
		const entry = lock[path];
		const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
		const platform = Boolean(entry.os || entry.cpu);
		// One build per operating system and processor: count the family once.
		const family = platform ? name.replace(/-(darwin|linux|linuxmusl|win32|freebsd|android|webcontainers|wasm32)(-.*)?$/, '-*') : name;
		const onDisk = existsSync(`${path}/package.json`) ? readJson<Manifest>(`${path}/package.json`) : {};
		let licence = entry.license ? licenceOf(entry) : licenceOf(onDisk, path);
		// A native build that states no licence is usually under its parent's: say so rather than guess.
		const parentEntry = lock[resolve('', parent) ?? ''];
		if (licence === 'not stated' && platform && parentEntry?.license) licence = `not stated (\`${parent}\` is ${licenceOf(parentEntry)})`;
		return { name, family, version: entry.version ?? '', licence, parent, platform };
	});
}

function render(): string {
	const pkg = readJson<Manifest>('package.json');
	const runtime = Object.keys(pkg.dependencies ?? {}).sort();
	const dev = Object.keys(pkg.devDependencies ?? {}).sort();
	const lines: string[] = [];
	const out = (...l: string[]) => lines.push(...l);

	out(
		'# Third-party components',
		'',
		'<!-- Generated by `npx node scripts/third-party.ts` from package.json, node_modules and package-lock.json. Edit the script, not this file; `npx node scripts/third-party.ts --check` tells whether it is current. -->',
		'',
		`Commonplace is licensed under the GNU Affero General Public License, version 3 or later (${pkg.license ?? 'see LICENSE'}). It is built on the components below, each under its own licence; their licence texts ship inside their packages in \`node_modules\`.`,
		'',
		'## Runtime dependencies',
		'',
		'Installed with the application (`dependencies` in package.json) and loaded by the server.',
		'',
		row(['Package', 'Version', 'Licence', 'Used for', 'Source']),
		row(['---', '---', '---', '---', '---'])
	);
	for (const name of runtime) {
		const m = installed(name);
		out(
			row([
				`\`${name}\``,
				m.version ?? '',
				licenceOf(m, `node_modules/${name}`),
				RUNTIME_USE[name] ?? '**(describe in scripts/third-party.ts)**',
				sourceOf(m)
			])
		);
	}

	const tree = productionTree(runtime);
	const families = new Map<string, (typeof tree)[number]>();
	for (const p of tree) if (!families.has(p.family)) families.set(p.family, p);
	const counts = new Map<string, number>();
	for (const p of families.values()) counts.set(p.licence, (counts.get(p.licence) ?? 0) + 1);
	out(
		'',
		'### The whole production tree',
		'',
		`With their own dependencies, the runtime dependencies bring ${families.size} packages (platform-specific builds, one of which is installed per machine, counted once):`,
		'',
		row(['Licence', 'Packages']),
		row(['---', '---:'])
	);
	for (const [licence, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out(row([licence, String(n)]));
	const notable = [...families.values()].filter((p) => !PERMISSIVE.has(p.licence)).sort((a, b) => a.family.localeCompare(b.family));
	if (notable.length) {
		out('', 'Packages under other licences:', '', row(['Package', 'Version', 'Licence', 'Required by']), row(['---', '---', '---', '---']));
		for (const p of notable) out(row([`\`${p.family}\``, p.version, p.licence, `\`${p.parent}\``]));
	}
	out(
		'',
		'Notes:',
		'',
		'- PGlite contains PostgreSQL compiled to WebAssembly; PGlite is offered under Apache-2.0 or the PostgreSQL License, and its changes to PostgreSQL are under the PostgreSQL License.',
		'- `sharp` loads a prebuilt libvips (`@img/sharp-libvips-*`, LGPL-3.0-or-later) as a separate shared library, unmodified; its source is at https://github.com/libvips/libvips.'
	);

	out(
		'',
		'## Development dependencies',
		'',
		'Used to build, check and test Commonplace (`devDependencies`). They are not installed in production, except the parts a build bundles into `build/`, marked below.',
		'',
		row(['Package', 'Version', 'Licence', 'Source']),
		row(['---', '---', '---', '---'])
	);
	for (const name of dev) {
		const m = installed(name);
		const label = BUNDLED.has(name) ? `\`${name}\` (bundled into \`build/\`)` : `\`${name}\``;
		out(row([label, m.version ?? '', licenceOf(m, `node_modules/${name}`), sourceOf(m)]));
	}
	out(
		'',
		'System programs used by the tests, not distributed: Debian `chromium` (browser tests, BSD-3-Clause and others) and a PostgreSQL server (PostgreSQL License).'
	);

	out(
		'',
		'## Assets',
		'',
		row(['Asset', 'Licence', 'Notes']),
		row(['---', '---', '---']),
		row([
			'Citation Style Language styles and locales (APA, MLA, Chicago; fr-CA locale)',
			'CC BY-SA 3.0',
			'From the CSL project (https://citationstyles.org), vendored in `src/lib/server/citations/styles/`, keeping the attribution in each file.'
		]),
		row(['`static/favicon.svg`', 'AGPL-3.0-or-later', 'Made for Commonplace.'])
	);
	out('', ...CITATION_STYLES.split('\n'));
	return lines.join('\n') + '\n';
}

const text = await format(render(), { ...(await resolveConfig(OUT)), parser: 'markdown' });
if (process.argv.includes('--check')) {
	const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
	if (current !== text) {
		console.error(`${OUT} is out of date: run npx node scripts/third-party.ts`);
		process.exit(1);
	}
	console.log(`${OUT} is up to date`);
} else {
	writeFileSync(OUT, text);
	console.log(`Wrote ${OUT}`);
}
