// The seed note (issue 3): a real Praxis note body, copied from ../shared/fixtures/seed-note/body.md so this test
// needs nothing outside the repository.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNoteBody, tocWorthShowing } from './index.ts';
import { elements, liveMarkup, textOf } from './testing/live-markup.ts';

const body = readFileSync(new URL('./fixtures/seed-note-body.md', import.meta.url), 'utf8');
const render = (markdown: string) => renderNoteBody(markdown, { lang: 'fr', resolve: () => null });

describe('the seed note', () => {
	const { html, toc, words } = render(body);

	it('gives every section heading a readable anchor and a permalink', () => {
		expect(toc.map((e) => [e.level, e.id])).toEqual([
			[2, 'intention'],
			[2, 'objectifs'],
			[3, 'objectifs-informatifs'],
			[3, 'objectifs-de-mobilisation'],
			[2, 'deroulement'],
			[2, 'documents-de-travail'],
			[2, 'synthese-des-apprentissages'],
			[3, 'groupe-1-ancrages-territoriaux-et-reseau-de-soutien'],
			[3, 'groupe-2-perennisation-du-logiciel-et-gouvernance-ouverte'],
			[3, 'groupe-3-reconnaissance-et-regles-du-jeu']
		]);
		const permalinks = elements(html, 'a').filter((a) => a.attribs.class === 'heading-anchor');
		expect(permalinks.map((a) => a.attribs.href)).toEqual(toc.map((e) => `#${e.id}`));
		expect(toc[6].text).toBe('Synthèse des apprentissages');
	});

	it('is long enough for a table of contents', () => {
		expect(words).toBeGreaterThan(1000);
		expect(tocWorthShowing(toc, words)).toBe(true);
	});

	it('renders its lists and its opening quote', () => {
		expect(elements(html, 'ul')).toHaveLength(5);
		expect(elements(html, 'li')).toHaveLength(20);
		expect(textOf(elements(html, 'blockquote')[0])).toContain('💡 Contexte');
	});

	it('shows its document and board lines as text: body.md kept their words, not their addresses', () => {
		// The Praxis page links "📄 Rêver en commun…" (a PDF) and "Consulter le MIRO…" (a Miro board), but the
		// extracted body has no URL for either; nothing is invented here.
		const items = elements(html, 'li').map(textOf);
		expect(items).toContain("Consulter le MIRO de l'atelier (tableau blanc externe)");
		expect(items).toContain("📄 Rêver en commun - Session lab détaillé de l'atelier. Projet collectif 2024");
		expect(elements(html, 'iframe')).toHaveLength(0);
		expect(liveMarkup(html)).toEqual([]);
	});

	it('embeds the Miro board once its address is in the body', () => {
		const withBoard = body.replace(
			"- Consulter le MIRO de l'atelier (tableau blanc externe)",
			"- Consulter le MIRO de l'atelier (tableau blanc externe)\n\n  https://miro.com/app/board/uXjVKtest123=/"
		);
		const out = render(withBoard).html;
		const [frame] = elements(out, 'iframe');
		expect(frame.attribs.src).toBe('https://miro.com/app/live-embed/uXjVKtest123=/?embedMode=view_only_without_ui');
		expect(frame.attribs.title).toBe('Tableau blanc Miro');
		expect(liveMarkup(out)).toEqual([]);
	});

	it('renders in a time worth knowing (information only: bench/ measures performance)', () => {
		for (let i = 0; i < 20; i++) render(body);
		const runs = 200;
		const start = performance.now();
		for (let i = 0; i < runs; i++) render(body);
		const ms = (performance.now() - start) / runs;
		console.info(`seed note (${body.length} characters): ${ms.toFixed(2)} ms per render, sanitising included`);
		expect(ms).toBeGreaterThan(0);
	});
});
