import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	allowedMime,
	ATTACHMENT_MAX_BYTES,
	attachmentIdOf,
	attachmentMarkdown,
	attachmentPath,
	formatFileSize,
	storedFilename
} from './attachments.ts';

const ID = 'AbCdEfGhIjKlMn_-';

describe('allowedMime', () => {
	// [sniffed, stored]
	const table: [string, string | null][] = [
		['image/png', 'image/png'],
		['application/pdf', 'application/pdf'],
		['audio/x-m4a', 'audio/mp4'],
		['audio/ogg; codecs=opus', 'audio/ogg'],
		[
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		],
		['image/svg+xml', null],
		['image/heic', null],
		['application/x-cfb', null],
		['application/vnd.ms-word.document.macroenabled.12', null],
		['application/x-msdownload', null],
		['application/zip', null],
		['text/html', null]
	];
	it.each(table)('%s → %s', (sniffed, stored) => {
		expect(allowedMime(sniffed)).toBe(stored);
	});
});

describe('storedFilename', () => {
	// [given, mime, stored]
	const table: [string, string, string][] = [
		['rapport.pdf', 'application/pdf', 'rapport.pdf'],
		['Rapport annuel 2024.PDF', 'application/pdf', 'Rapport annuel 2024.pdf'],
		['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
		['photo.txt', 'image/png', 'photo.txt.png'],
		['sans extension', 'application/pdf', 'sans extension.pdf'],
		['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
		['C:\\Users\\moi\\bilan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'bilan.docx'],
		['a"b<c>|d?.pdf', 'application/pdf', 'a b c d .pdf'],
		['.pdf', 'application/pdf', 'pdf.pdf'],
		['', 'application/pdf', 'fichier.pdf'],
		['évaluation\u202etxt.exe.pdf', 'application/pdf', 'évaluation txt.exe.pdf'],
		['voix.opus', 'audio/ogg', 'voix.opus']
	];
	it.each(table)('%j as %s → %j', (given, mime, stored) => {
		expect(storedFilename(given, mime)).toBe(stored);
	});

	it('keeps at most 120 characters, extension included', () => {
		const name = storedFilename(`${'é'.repeat(300)}.pdf`, 'application/pdf');
		expect([...name]).toHaveLength(120);
		expect(name.endsWith('.pdf')).toBe(true);
	});
});

describe('addresses', () => {
	it('serves a file under its id and encoded name, and finds the id back', () => {
		const path = attachmentPath(ID, 'Procès-verbal #3.pdf');
		expect(path).toBe(`/files/${ID}/Proc%C3%A8s-verbal%20%233.pdf`);
		expect(attachmentIdOf(path)).toBe(ID);
		expect(attachmentIdOf(`/files/${ID}`)).toBe(ID);
		expect(attachmentIdOf(`https://commons.example/files/${ID}/x.pdf`, 'https://commons.example')).toBe(ID);
	});

	it('ignores other sites, other paths and malformed ids', () => {
		for (const href of [
			`https://evil.example/files/${ID}/x.pdf`,
			`//evil.example/files/${ID}/x.pdf`,
			'/files/../../etc/passwd',
			'/files/short/x.pdf',
			`/files/${ID}/a/b`,
			`/fr/n/${ID}`,
			`/files/${ID}x/y`
		]) {
			expect(attachmentIdOf(href, 'https://commons.example'), href).toBeNull();
		}
	});

	it('writes the Markdown to insert: an image with its alt text, a link for the rest', () => {
		expect(attachmentMarkdown({ id: ID, filename: 'carte.png', kind: 'image', altText: 'Carte [2024]' })).toBe(
			`![Carte \\[2024\\]](/files/${ID}/carte.png)`
		);
		expect(attachmentMarkdown({ id: ID, filename: 'PV (final).pdf', kind: 'document', altText: '' })).toBe(
			`[PV (final).pdf](/files/${ID}/PV%20(final).pdf)`
		);
	});
});

describe('formatFileSize', () => {
	// [bytes, fr, en]
	const table: [number, string, string][] = [
		[0, '0 octets', '0 bytes'],
		[900, '900 octets', '900 bytes'],
		[2048, '2 Ko', '2 KB'],
		[2_411_724, '2,3 Mo', '2.3 MB'],
		[ATTACHMENT_MAX_BYTES, '25 Mo', '25 MB'],
		[150 * 1024 * 1024, '150 Mo', '150 MB']
	];
	it.each(table)('%d bytes', (bytes, fr, en) => {
		expect(formatFileSize(bytes, 'fr').replace(/\s/g, ' ')).toBe(fr);
		expect(formatFileSize(bytes, 'en').replace(/\s/g, ' ')).toBe(en);
	});
});

describe('the messages', () => {
	it('state the limit the code enforces, in both languages', () => {
		for (const lang of ['fr', 'en'] as const) {
			const catalogue = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, string>;
			const limit = formatFileSize(ATTACHMENT_MAX_BYTES, lang).replace(/\s/g, ' ');
			expect(catalogue.form_error_file_too_large.replace(/\s/g, ' '), lang).toContain(limit);
		}
	});
});
