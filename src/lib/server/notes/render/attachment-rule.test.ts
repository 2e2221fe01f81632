import { describe, expect, it } from 'vitest';
import { renderNoteBody, type LinkedAttachment, type RenderNoteBodyOptions } from './index.ts';
import { elements, liveMarkup, textOf } from './testing/live-markup.ts';

const PDF = 'PdFpDfPdFpDfPdF1';
const DOCX = 'DoCxDoCxDoCxDoC1';
const MP3 = 'Mp3mP3Mp3mP3Mp31';
const MP4 = 'Mp4mP4Mp4mP4Mp41';
const PNG = 'PnGpNgPnGpNgPnG1';
const HIDDEN = 'HiDdEnHiDdEnHiD1';

const known: Record<string, LinkedAttachment> = {
	[PDF]: { kind: 'document', filename: 'Procès-verbal.pdf', mime: 'application/pdf', size: 2_411_724, altText: '' },
	[DOCX]: {
		kind: 'document',
		filename: 'bilan.docx',
		mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		size: 20_480,
		altText: ''
	},
	[MP3]: { kind: 'audio', filename: 'entrevue.mp3', mime: 'audio/mpeg', size: 3_250_000, altText: '' },
	[MP4]: { kind: 'video', filename: 'atelier.mp4', mime: 'video/mp4', size: 12_000_000, altText: '' },
	[PNG]: { kind: 'image', filename: 'carte.png', mime: 'image/png', size: 5000, altText: 'Carte des quartiers' }
};
const asked: string[] = [];
const options: RenderNoteBodyOptions = {
	lang: 'fr',
	resolve: () => null,
	origin: 'https://commons.example',
	attachments: (id) => {
		asked.push(id);
		return known[id] ?? null;
	}
};
const html = (body: string, extra: Partial<RenderNoteBodyOptions> = {}) => renderNoteBody(body, { ...options, ...extra }).html;
const text = (s: string) => s.replace(/\s/g, ' ');

describe('links to files', () => {
	it('become a card with the name, type, size and action when alone in their paragraph', () => {
		const out = html(`[Procès-verbal de l’AG](/files/${PDF}/whatever-the-author-typed.pdf)`);
		const [card] = elements(out, 'a');
		expect(card.attribs).toEqual({ class: 'file-card', href: `/files/${PDF}/Proc%C3%A8s-verbal.pdf` });
		expect(text(textOf(card))).toBe('Procès-verbal de l’AG PDF · 2,3 Mo Ouvrir');
		const docx = elements(html(`[](/files/${DOCX}/bilan.docx)`, { lang: 'en' }), 'a')[0];
		expect(text(textOf(docx))).toBe('bilan.docx Word · 20 KB Download');
		expect(liveMarkup(out)).toEqual([]);
	});

	it('accept this instance’s absolute address too', () => {
		expect(elements(html(`[PV](https://commons.example/files/${PDF}/x.pdf)`), 'a')[0].attribs.class).toBe('file-card');
	});

	it('become a player for audio and video, with the link as caption for browsers that cannot play it', () => {
		const out = html(`[Entrevue](/files/${MP3}/entrevue.mp3)\n\n![](/files/${MP4}/atelier.mp4)`);
		const [audio] = elements(out, 'audio');
		expect(audio.attribs).toEqual({ controls: '', preload: 'metadata', src: `/files/${MP3}/entrevue.mp3` });
		expect(elements(out, 'video')[0].attribs.src).toBe(`/files/${MP4}/atelier.mp4`);
		const [caption] = elements(out, 'figcaption');
		expect(text(textOf(caption))).toBe('Entrevue MP3 · 3,1 Mo');
		expect(elements(out, 'a')[0].attribs.href).toBe(`/files/${MP3}/entrevue.mp3`);
		expect(elements(out, 'figure').map((f) => f.attribs.class)).toEqual(['file-media file-audio', 'file-media file-video']);
		expect(liveMarkup(out)).toEqual([]);
	});

	it('stay links inside a sentence, and for files the viewer may not see or that do not exist', () => {
		expect(html(`Voir [le PV](/files/${PDF}/x.pdf) ici.`)).toBe(`<p>Voir <a href="/files/${PDF}/x.pdf">le PV</a> ici.</p>\n`);
		const hidden = html(`[Secret](/files/${HIDDEN}/secret.pdf)`);
		expect(hidden).toBe(`<p><a href="/files/${HIDDEN}/secret.pdf">Secret</a></p>\n`);
		expect(html(`[Secret](/files/${HIDDEN}/secret.pdf)`, { attachments: undefined })).toBe(hidden);
		expect(html(`[x](https://evil.example/files/${PDF}/x.pdf)`)).not.toContain('file-card');
	});

	it('keep pictures as lazy images, taking the stored alt text when the note gives none', () => {
		const [img] = elements(html(`![](/files/${PNG}/carte.png)`), 'img');
		expect(img.attribs).toMatchObject({ src: `/files/${PNG}/carte.png`, alt: 'Carte des quartiers', loading: 'lazy' });
		expect(elements(html(`![Plan](/files/${PNG}/carte.png)`), 'img')[0].attribs.alt).toBe('Plan');
		expect(elements(html(`Ici : ![](/files/${PNG}/carte.png)`), 'img')[0].attribs.alt).toBe('Carte des quartiers');
		// A link to a picture is a card, as its author chose a link.
		expect(elements(html(`[La carte](/files/${PNG}/carte.png)`), 'a')[0].attribs.class).toBe('file-card');
	});

	it('ask the lookup only about lone links and pictures without alt text that name files', () => {
		asked.length = 0;
		html(`[a](/files/${PDF}/x) [b](/fr/n/${PDF}) ![c](/files/short/x.png) ![](/files/${PNG}/x.png)\n\n[d](/files/${DOCX})`);
		expect([...new Set(asked)].sort()).toEqual([DOCX, PNG].sort());
	});
});
