// Which link and image addresses the renderer lets through, and how links to other sites are marked. sanitize.ts
// applies the same schemes again afterwards: this first pass keeps a refused link as visible text instead of an
// <a> with its href torn off.
import type { MarkdownIt } from 'markdown-it';

/** rel for links to other sites: no window.opener, no referrer, no ranking credit for user-written links (ugc). */
export const EXTERNAL_REL = 'noopener noreferrer nofollow ugc';

const SCHEME = /^([a-z][a-z0-9+.-]*):/;

// What a browser would see as the start of the URL: it drops ASCII whitespace and control characters, and percent
// escapes must not smuggle them past us ("java%09script:").
function browserView(url: string): string {
	let view = url;
	try {
		view = decodeURIComponent(url);
	} catch {
		// A stray "%" is not an escape: keep the raw text.
	}
	return view.replace(/[\p{Cc} ]/gu, '').toLowerCase();
}

// "//host" and its backslash spellings, which browsers read as another site on the current scheme.
const protocolRelative = (view: string) => /^[/\\]{2}/.test(view);

/** Links: http, https, mailto, or a path on this site. Replaces markdown-it's validateLink (it allows data:image). */
export function isAllowedHref(url: string): boolean {
	const view = browserView(url);
	const scheme = SCHEME.exec(view)?.[1];
	if (scheme !== undefined) return scheme === 'http' || scheme === 'https' || scheme === 'mailto';
	return !protocolRelative(view);
}

/** Images: http, https, or a path on this site (attachments are served under /files/…). */
export function isAllowedImageSrc(url: string): boolean {
	const view = browserView(url);
	const scheme = SCHEME.exec(view)?.[1];
	if (scheme !== undefined) return scheme === 'http' || scheme === 'https';
	return !protocolRelative(view);
}

/** An absolute http(s) address on another origin than ours. */
export function isExternal(href: string, origin: string | null): boolean {
	if (!/^https?:/i.test(href)) return false;
	try {
		return new URL(href).origin !== origin;
	} catch {
		return true;
	}
}

type LinkEnv = { origin: string | null };

/** markdown-it rules: the scheme policy above, rel on links to other sites, lazy images that keep their alt text. */
export function linkPolicy(md: MarkdownIt): void {
	md.validateLink = isAllowedHref;
	md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
		const href = String(tokens[idx].attrGet('href') ?? '');
		if (isExternal(href, (env as LinkEnv).origin)) tokens[idx].attrSet('rel', EXTERNAL_REL);
		return self.renderToken(tokens, idx, options);
	};
	md.renderer.rules.image = (tokens, idx, options, env, self) => {
		const token = tokens[idx];
		const alt = self.renderInlineAsText(token.children ?? [], options, env);
		const src = String(token.attrGet('src') ?? '');
		// A mailto: image or the like: keep what the reader should have learnt from it.
		if (!isAllowedImageSrc(src)) return md.utils.escapeHtml(alt);
		token.attrSet('alt', alt);
		token.attrSet('loading', 'lazy');
		token.attrSet('decoding', 'async');
		// Another site's image must not learn which note is being read.
		if (isExternal(src, (env as LinkEnv).origin)) token.attrSet('referrerpolicy', 'no-referrer');
		return self.renderToken(tokens, idx, options);
	};
}
