// Defence in depth (DESIGN §3): markdown-it runs with html: false, so none of this should ever strip anything. If a
// plugin or a future option lets markup through, this allowlist still decides what reaches a reader.
import sanitizeHtml from 'sanitize-html';
import { EMBED_ALLOW, EMBED_SANDBOX } from './embed-rule.ts';
import { DEFAULT_PEERTUBE_HOSTS, FIXED_FRAME_HOSTS } from './embeds.ts';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const ALIGN = ['align-left', 'align-center', 'align-right'];
const PROVIDERS = ['embed-youtube', 'embed-vimeo', 'embed-peertube', 'embed-miro'];
const MEDIA_ATTRIBUTES: sanitizeHtml.AllowedAttribute[] = ['src', 'controls', { name: 'preload', multiple: false, values: ['metadata'] }];
const OUR_FILE = /^\/files\/[A-Za-z0-9_-]{16}\/[^/?#]*$/;

// Every class the renderer writes; an author cannot add one (html: false), and this makes sure of it.
const allowedClasses: Record<string, string[]> = {
	a: ['wikilink', 'wikilink-missing', 'heading-anchor', 'file-card'],
	span: ['wikilink-missing', 'visually-hidden', 'link-card-host', 'link-card-url', 'file-card-name', 'file-card-meta', 'file-card-action'],
	div: ['heading'],
	p: ['link-card'],
	figure: ['embed', ...PROVIDERS, 'file-media', 'file-audio', 'file-video'],
	th: ALIGN,
	td: ALIGN,
	code: ['language-*']
};

const base: sanitizeHtml.IOptions = {
	allowedTags: [
		...HEADINGS,
		'p',
		'br',
		'hr',
		'blockquote',
		'pre',
		'code',
		'strong',
		'em',
		's',
		'del',
		'ul',
		'ol',
		'li',
		'a',
		'img',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'div',
		'span',
		'figure',
		'figcaption',
		'iframe',
		'audio',
		'video'
	],
	allowedAttributes: {
		...Object.fromEntries(HEADINGS.map((h) => [h, ['id']])),
		a: ['href', 'title', 'rel', 'aria-label'],
		img: [
			'src',
			'alt',
			'title',
			{ name: 'loading', multiple: false, values: ['lazy'] },
			{ name: 'decoding', multiple: false, values: ['async'] },
			{ name: 'referrerpolicy', multiple: false, values: ['no-referrer'] }
		],
		iframe: [
			'src',
			'title',
			'sandbox',
			'allow',
			'allowfullscreen',
			'loading',
			{ name: 'referrerpolicy', multiple: false, values: ['no-referrer', 'strict-origin-when-cross-origin'] }
		],
		audio: MEDIA_ATTRIBUTES,
		video: MEDIA_ATTRIBUTES,
		ol: ['start']
	},
	allowedClasses,
	// No style attribute anywhere: table alignment travels as a class (markdown.ts).
	allowedStyles: {},
	allowedSchemes: ['http', 'https', 'mailto'],
	// Players only play this instance's files: a relative /files/ path (checked in exclusiveFilter), no scheme at all.
	allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'], audio: [], video: [] },
	allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction'],
	allowProtocolRelative: false,
	allowedIframeHostnames: [...FIXED_FRAME_HOSTS, ...DEFAULT_PEERTUBE_HOSTS],
	allowIframeRelativeUrls: false,
	transformTags: {
		// Whatever a frame arrived with, it leaves with our sandbox, permissions and lazy loading.
		iframe: (tagName, attribs) => ({
			tagName,
			attribs: {
				...attribs,
				sandbox: EMBED_SANDBOX,
				allow: EMBED_ALLOW,
				loading: 'lazy',
				referrerpolicy: attribs.referrerpolicy === 'strict-origin-when-cross-origin' ? attribs.referrerpolicy : 'no-referrer'
			}
		})
	},
	// A frame whose address was refused would be an empty box; a player for anything but our files, a way out.
	exclusiveFilter: (frame) =>
		(frame.tag === 'iframe' && !frame.attribs.src) ||
		((frame.tag === 'audio' || frame.tag === 'video') && !OUR_FILE.test(frame.attribs.src ?? ''))
};

// One options object per PeerTube host list: the default one is built once, others are few (an instance setting).
const byHosts = new Map<string, sanitizeHtml.IOptions>([[DEFAULT_PEERTUBE_HOSTS.join(' '), base]]);

function optionsFor(peertubeHosts: readonly string[]): sanitizeHtml.IOptions {
	const key = peertubeHosts.join(' ');
	let options = byHosts.get(key);
	if (!options) {
		// Bounded all the same, should a caller build a new list per call.
		if (byHosts.size > 16) byHosts.clear();
		options = { ...base, allowedIframeHostnames: [...FIXED_FRAME_HOSTS, ...peertubeHosts] };
		byHosts.set(key, options);
	}
	return options;
}

/** Keeps only the markup the note renderer produces, with safe addresses. */
export function sanitizeNoteHtml(html: string, peertubeHosts: readonly string[] = DEFAULT_PEERTUBE_HOSTS): string {
	return sanitizeHtml(html, optionsFor(peertubeHosts));
}
