import { describe, expect, it } from 'vitest';
import { DEFAULT_PEERTUBE_HOSTS, recogniseEmbed } from './embeds.ts';

const hosts = new Set(DEFAULT_PEERTUBE_HOSTS);
const UUID = '9c9de5e8-0a1e-484a-b099-e80766180a6d';
const yt = (query = '') => `https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ${query}`;

// [url, provider, frame src] — null: not an embed (the renderer shows a link card)
const table: [string, string | null, string | null][] = [
	['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', yt()],
	['https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL1&t=90', 'youtube', yt('?start=90')],
	['https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1h2m3s', 'youtube', yt('?start=3723')],
	['http://youtu.be/dQw4w9WgXcQ?t=42s', 'youtube', yt('?start=42')],
	['https://youtu.be/dQw4w9WgXcQ?t=soon', 'youtube', yt()],
	['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'youtube', yt()],
	['https://www.youtube.com/embed/dQw4w9WgXcQ', 'youtube', yt()],
	['https://www.youtube.com/watch?v=short', null, null],
	['https://www.youtube.com/watch?v=dQw4w9WgXcQ%22%3E', null, null],
	['https://www.youtube.com/channel/UC123', null, null],
	['https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', null, null],
	['https://vimeo.com/76979871', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1'],
	['https://vimeo.com/76979871/8272103f6e', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e'],
	['https://vimeo.com/channels/staffpicks/76979871', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1'],
	['https://player.vimeo.com/video/76979871?h=8272103f6e', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e'],
	['https://player.vimeo.com/video/76979871?h=%22onload', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1'],
	['https://vimeo.com/about', null, null],
	[`https://framatube.org/videos/watch/${UUID}`, 'peertube', `https://framatube.org/videos/embed/${UUID}?p2p=0`],
	['https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv', 'peertube', 'https://framatube.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv?p2p=0'],
	['https://framatube.org/w/p/kkGMgK9ZtnKfYAgnEtQxbv', null, null],
	[`http://framatube.org/videos/watch/${UUID}`, null, null],
	[`https://framatube.org:8443/videos/watch/${UUID}`, null, null],
	[`https://evil.example/videos/watch/${UUID}`, null, null],
	['https://miro.com/app/board/uXjVKtest123=/', 'miro', 'https://miro.com/app/live-embed/uXjVKtest123=/?embedMode=view_only_without_ui'],
	[
		'https://miro.com/app/board/uXjVKtest123=/?share_link_id=1',
		'miro',
		'https://miro.com/app/live-embed/uXjVKtest123=/?embedMode=view_only_without_ui'
	],
	['https://miro.com/app/board/x%22%3E/', null, null],
	['https://miro.com/pricing/', null, null],
	['https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ', null, null],
	['javascript:alert(1)//youtu.be/dQw4w9WgXcQ', null, null],
	['not a url', null, null]
];

describe('recogniseEmbed', () => {
	it.each(table)('%s', (url, provider, src) => {
		const embed = recogniseEmbed(url, hosts);
		expect(embed?.provider ?? null).toBe(provider);
		expect(embed?.src ?? null).toBe(src);
	});

	it('sends YouTube only our origin, and nothing to the others', () => {
		expect(recogniseEmbed('https://youtu.be/dQw4w9WgXcQ', hosts)?.referrerPolicy).toBe('strict-origin-when-cross-origin');
		expect(recogniseEmbed('https://vimeo.com/76979871', hosts)?.referrerPolicy).toBe('no-referrer');
	});

	it('embeds PeerTube only from the instances it is given', () => {
		const url = `https://tube.example.coop/videos/watch/${UUID}`;
		expect(recogniseEmbed(url, hosts)).toBeNull();
		expect(recogniseEmbed(url, new Set(['tube.example.coop']))?.provider).toBe('peertube');
	});
});
