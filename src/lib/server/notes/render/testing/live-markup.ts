// Test helper: what in a piece of HTML could run script, navigate, load another site or restyle the page. Reads the
// HTML with a real parser (htmlparser2, which sanitize-html itself uses) so entities and case are seen as a browser
// sees them, rather than trusting a regular expression over the text.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { DEFAULT_PEERTUBE_HOSTS, FIXED_FRAME_HOSTS } from '../embeds.ts';
import { EMBED_SANDBOX } from '../embed-rule.ts';

const FORBIDDEN = new Set([
	'script',
	'style',
	'object',
	'embed',
	'applet',
	'form',
	'input',
	'button',
	'textarea',
	'select',
	'meta',
	'base',
	'link',
	'svg',
	'math',
	'frame',
	'frameset',
	'template',
	'noscript',
	'xmp',
	'noembed',
	'noframes'
]);
// What the renderer produces; anything else is a leak even if harmless-looking.
// Written out again on purpose, not imported from sanitize.ts: the oracle must not share the code it checks.
const ALLOWED = new Set([
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
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
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'srcset', 'cite']);
const FRAME_HOSTS = new Set([...FIXED_FRAME_HOSTS, ...DEFAULT_PEERTUBE_HOSTS]);

// The address as a browser would read its scheme: entities are already decoded by the parser; percent escapes,
// whitespace and control characters must not hide a scheme either.
function schemeView(value: string): string {
	let view = value;
	try {
		view = decodeURIComponent(value);
	} catch {
		// Not percent-encoded: keep it.
	}
	return view.replace(/[\p{Cc} ]/gu, '').toLowerCase();
}

function problemsOf(el: Element): string[] {
	const problems: string[] = [];
	const tag = el.name.toLowerCase();
	if (FORBIDDEN.has(tag)) problems.push(`<${tag}> element`);
	else if (!ALLOWED.has(tag)) problems.push(`unexpected <${tag}> element`);
	for (const [name, value] of Object.entries(el.attribs)) {
		const attr = name.toLowerCase();
		if (attr.startsWith('on')) problems.push(`${attr} handler on <${tag}>`);
		if (attr === 'style' || attr === 'srcdoc') problems.push(`${attr} attribute on <${tag}>`);
		if (URL_ATTRIBUTES.has(attr)) {
			const view = schemeView(value);
			if (/^(javascript|data|vbscript):/.test(view)) problems.push(`${attr}="${value}" on <${tag}>`);
			if (/^[/\\]{2}/.test(view)) problems.push(`protocol-relative ${attr}="${value}" on <${tag}>`);
		}
	}
	if (tag === 'iframe') {
		let host = '';
		try {
			const url = new URL(el.attribs.src ?? '');
			host = url.protocol === 'https:' ? url.hostname : '';
		} catch {
			// No or bad src: reported below.
		}
		if (!FRAME_HOSTS.has(host)) problems.push(`iframe to "${el.attribs.src}"`);
		if (el.attribs.sandbox !== EMBED_SANDBOX) problems.push(`iframe sandbox "${el.attribs.sandbox}"`);
	}
	// Players play only this instance's files, never another site's address or a script.
	if ((tag === 'audio' || tag === 'video') && !/^\/files\/[\w-]{16}\/[^/?#]*$/.test(el.attribs.src ?? '')) {
		problems.push(`${tag} src "${el.attribs.src}"`);
	}
	if (tag === 'img' && el.attribs.src !== undefined && !/^(https?:|[^:]*$)/i.test(schemeView(el.attribs.src))) {
		problems.push(`img src "${el.attribs.src}"`);
	}
	return problems;
}

/** Every live construct found in `html`, described in words; empty when the HTML is inert. */
export function liveMarkup(html: string): string[] {
	const problems: string[] = [];
	const walk = (nodes: ChildNode[]) => {
		for (const node of nodes) {
			// Comments and processing instructions never survive the sanitiser either.
			if (node.type === 'comment' || node.type === 'directive' || node.type === 'cdata') problems.push(`${node.type} node`);
			if ('attribs' in node) problems.push(...problemsOf(node));
			if ('children' in node) walk(node.children);
		}
	};
	walk(parseDocument(html).children);
	return problems;
}

/** All elements of a tag, for assertions on structure. */
export function elements(html: string, tag: string): Element[] {
	const found: Element[] = [];
	const walk = (nodes: ChildNode[]) => {
		for (const node of nodes) {
			if ('attribs' in node && node.name === tag) found.push(node);
			if ('children' in node) walk(node.children);
		}
	};
	walk(parseDocument(html).children);
	return found;
}

/** The text inside an element, entities decoded. */
export function textOf(node: ChildNode): string {
	if (node.type === 'text') return node.data;
	return 'children' in node ? node.children.map(textOf).join('') : '';
}
