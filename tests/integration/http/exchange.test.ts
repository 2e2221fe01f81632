// Markdown and HTML exports of a notebook, the import through the API and the notebook page, and `npm run import`
// against a data dir the running app holds (it goes through the app with a token, or refuses, never opening it).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NODE, PGLITE_TEMPLATE_ENV, ROOT } from '../../support/server.ts';
import { SEED_NOTE, SEED_NOTEBOOK, tag, useApp } from './client.ts';

const run = promisify(execFile);
const t = useApp();

const cli = (args: string[], env: Record<string, string>) =>
	run(NODE, ['scripts/import.ts', ...args, '--lang', 'en'], { cwd: ROOT, env: { ...process.env, ...env } }).then(
		(r) => ({ code: 0, ...r }),
		(e: { code: number; stdout: string; stderr: string }) => e
	);

describe('exports', () => {
	it('gives the demo notebook as a Markdown zip with front matter', async () => {
		const res = await fetch(`${t.app.url}/fr/c/${SEED_NOTEBOOK}/export.zip`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/zip');
		const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
		const path = Object.keys(files).find((p) => p.endsWith(`${SEED_NOTE}.md`));
		expect(path).toBeDefined();
		const text = new TextDecoder().decode(files[path!]);
		expect(text).toMatch(new RegExp(`^---\\nid: ${SEED_NOTE}\\ntitle: `));
		expect(text).toContain('category: Atelier 4 - Valider');
		expect(Object.keys(files)).toContain('.commonplace/notebook.json');
	});

	it('gives it as a printable HTML document with licences and APA citations', async () => {
		const res = await fetch(`${t.app.url}/en/c/${SEED_NOTEBOOK}/export.html`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Analyse de soutenabilité des plateformes En commun');
		expect(html).toContain('Cite this note (APA)');
		expect(html).toMatch(/Retrieved .* from http/);
		expect(html).not.toContain('<script');
	});

	it('answers 404 for a private notebook to others, and its export holds only what each may see', async () => {
		const made = await t.call('/api/v1/notebooks', {
			token: t.hostToken,
			method: 'POST',
			body: { title: 'Carnet privé', visibility: 'private' }
		});
		expect(made.status).toBe(201);
		for (const format of ['zip', 'html']) {
			expect((await fetch(`${t.app.url}/fr/c/${made.body.id}/export.${format}`)).status).toBe(404);
			expect(
				(await fetch(`${t.app.url}/fr/c/${made.body.id}/export.${format}`, { headers: { authorization: `Bearer ${t.alexToken}` } })).status
			).toBe(404);
		}
		expect((await t.host.get(`/fr/c/${made.body.id}/export.zip`)).status).toBe(200);
	});
});

describe('import', () => {
	const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([p, text]) => [p, strToU8(text)])));

	it('imports a zip through the API with a token, reporting a bad file', async () => {
		const word = tag();
		const res = await fetch(`${t.app.url}/api/v1/import?notebook=${encodeURIComponent(`Import ${word}`)}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${t.hostToken}`, 'content-type': 'application/zip' },
			body: zip({
				'a.md': `# Alpha ${word}\n\nVoir [[Beta ${word}]].`,
				'b.md': `---\ntitle: Beta ${word}\nvisibility: private\n---\nB`,
				'bad.md': '---\nstatus: maybe\n---\n'
			})
		});
		expect(res.status).toBe(200);
		const report = await res.json();
		expect(report.created).toHaveLength(2);
		expect(report.skipped).toEqual([expect.objectContaining({ file: 'bad.md', code: 'front_matter' })]);
		const beta = report.created.find((n: { title: string }) => n.title.startsWith('Beta')).id;
		expect((await t.call(`/api/v1/notes/${beta}`)).status).toBe(404);
		expect(
			(await fetch(`${t.app.url}/api/v1/import`, { method: 'POST', headers: { 'content-type': 'application/zip' }, body: zip({}) })).status
		).toBe(401);
	});

	it('imports through the notebook page for its managers', async () => {
		const made = await t.call('/api/v1/notebooks', { token: t.hostToken, method: 'POST', body: { title: 'Carnet importé' } });
		const form = new FormData();
		form.set('file', new File([zip({ 'x.md': '# Note par la page\n\nTexte' })], 'notes.zip', { type: 'application/zip' }));
		const res = await t.host.postMultipart(`/fr/c/${made.body.id}?/import`, form);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('1 notes créées');
		const notes = await t.call(`/api/v1/notebooks/${made.body.id}/notes`, { token: t.hostToken });
		expect(notes.body.items.map((n: { title: string }) => n.title)).toEqual(['Note par la page']);
	});
});

describe('npm run import', () => {
	const folder = () => {
		const dir = mkdtempSync(join(tmpdir(), 'cp-import-'));
		mkdirSync(join(dir, 'sub'));
		writeFileSync(join(dir, 'a.md'), '---\ntitle: CLI Alpha\nstatus: published\n---\nVers [[CLI Beta]].\n');
		writeFileSync(join(dir, 'sub', 'b.md'), '# CLI Beta\n\nRetour.\n');
		writeFileSync(join(dir, 'bad.md'), '---\nlicence: nope\n---\n');
		return dir;
	};

	it.runIf((process.env.TEST_DB_KIND ?? 'pglite') === 'pglite')(
		'goes through the running app when it holds the data dir, or refuses without opening it',
		async () => {
			const dir = folder();
			const env = { DATA_DIR: t.app.dataDir, PUBLIC_URL: t.app.url, DATABASE_URL: '', COMMONPLACE_TOKEN: '' };
			const refused = await cli([dir, '--as', 'marie-soleil'], env);
			expect(refused.code).toBe(1);
			expect(refused.stderr).toContain('Settings → Tokens');
			const viaApp = await cli([dir, '--notebook', 'Par la CLI'], { ...env, COMMONPLACE_TOKEN: t.hostToken });
			expect(viaApp.stdout).toContain('Done: 2 notes created');
			expect(viaApp.stderr).toContain('bad.md');
			expect(viaApp.code).toBe(3);
			// The app still answers: its data dir was not touched by a second process.
			expect((await fetch(`${t.app.url}/fr/c/${SEED_NOTEBOOK}`)).status).toBe(200);
			rmSync(dir, { recursive: true, force: true });
		},
		60_000
	);

	it.runIf(!!process.env[PGLITE_TEMPLATE_ENV])(
		'imports into an embedded database no one holds',
		async () => {
			const dir = folder();
			const dataDir = mkdtempSync(join(tmpdir(), 'cp-import-data-'));
			cpSync(process.env[PGLITE_TEMPLATE_ENV]!, dataDir, { recursive: true });
			rmSync(join(dataDir, 'commonplace.lock'), { force: true });
			const env = { DATA_DIR: dataDir, DATABASE_URL: '', DEMO_CONTENT: 'off' };
			const made = await run(NODE, ['scripts/admin.ts', 'create', 'cli@example.org', '--handle', 'cli-person'], {
				cwd: ROOT,
				env: { ...process.env, ...env }
			});
			expect(made.stdout).toContain('cli-person');
			const first = await cli([dir, '--as', 'cli-person', '--notebook', 'CLI'], env);
			expect(first.stdout).toContain('Done: 2 notes created');
			expect(first.stderr).toMatch(/bad\.md: a front matter key has a refused value/);
			expect(first.stderr).toMatch(/2\/2 files/);
			rmSync(dir, { recursive: true, force: true });
			rmSync(dataDir, { recursive: true, force: true });
		},
		120_000
	);
});
