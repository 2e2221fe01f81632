import { describe, expect, it } from 'vitest';
import {
	canDeleteMessage,
	canEditMessage,
	canModerateThread,
	canPostInThread,
	canReportMessage,
	extractHashtags,
	extractMentions,
	isTag,
	linkMentionsAndTags,
	plainText,
	threadTitle
} from './discussions.ts';
import { anonymous, type Viewer } from './viewer.ts';

const member: Viewer = { kind: 'account', id: 'a', isAdmin: false, activeCommunityIds: new Set(['c1']) };
const outsider: Viewer = { kind: 'account', id: 'b', isAdmin: false, activeCommunityIds: new Set(['c9']) };
const admin: Viewer = { kind: 'account', id: 'z', isAdmin: true, activeCommunityIds: new Set() };
const open = { locked: false, communityIds: ['c1', 'c2'] };
const locked = { locked: true, communityIds: ['c1'] };

describe('mentions and hashtags', () => {
	it('finds @handles, lower-cased and once, but not in addresses or code', () => {
		expect(extractMentions('Merci @Alex et @marie-soleil, @alex encore. Écris à bob@example.org')).toEqual(['alex', 'marie-soleil']);
		expect(extractMentions('`@alex` et\n```\n@marie-soleil\n```\n(@zoé)')).toEqual([]);
		expect(extractMentions('(@alex).')).toEqual(['alex']);
	});

	it('finds #hashtags: Unicode letters, digits and _, lower-cased with accents kept', () => {
		expect(extractHashtags('#Soutenabilité et #communs_numériques, #2026 #Bibliothèques2 #soutenabilité')).toEqual([
			'soutenabilité',
			'communs_numériques',
			'bibliothèques2'
		]);
		expect(extractHashtags('https://ex.org/page#section &#35; `#code` a#b')).toEqual([]);
		expect(extractHashtags('# Titre\n#tag')).toEqual(['tag']);
		expect(isTag('été')).toBe(true);
		expect(isTag('12')).toBe(false);
	});

	it('links them outside code, leaves unknown handles as text', () => {
		const md = linkMentionsAndTags('Salut @alex et @inconnu #Été `#x`', {
			mention: (h) => (h === 'alex' ? `/fr/u/${h}` : null),
			tag: (t) => `/fr/tags/${encodeURIComponent(t)}`
		});
		expect(md).toBe('Salut [@alex](/fr/u/alex) et @inconnu [#Été](/fr/tags/%C3%A9t%C3%A9) `#x`');
	});
});

describe('text', () => {
	it('names an untitled thread by its first words', () => {
		expect(threadTitle('  Un titre ', 'corps')).toBe('Un titre');
		expect(threadTitle('', 'Bonjour **tout le monde**, voici [un lien](https://x.org).')).toBe('Bonjour tout le monde, voici un lien.');
		expect(threadTitle('', 'un deux trois quatre cinq six sept huit neuf dix onze douze')).toBe(
			'un deux trois quatre cinq six sept huit neuf dix…'
		);
		expect(plainText('## Titre\n> cité\n- point `code`')).toBe('Titre cité point code');
	});
});

describe('rules', () => {
	it('lets active members of a community of the thread post, never in a locked thread', () => {
		expect(canPostInThread(member, open)).toBe(true);
		expect(canPostInThread(member, locked)).toBe(false);
		expect(canPostInThread(outsider, open)).toBe(false);
		expect(canPostInThread(anonymous, open)).toBe(false);
		expect(canPostInThread(admin, open)).toBe(false);
	});

	it('lets hosts of any community of the thread, and admins, moderate', () => {
		expect(canModerateThread(member, open, new Set(['c2']))).toBe(true);
		expect(canModerateThread(member, open, new Set(['c3']))).toBe(false);
		expect(canModerateThread(admin, open, new Set())).toBe(true);
		expect(canModerateThread(anonymous, open, new Set(['c1']))).toBe(false);
	});

	it('lets authors edit (not when locked) and delete their own; others report', () => {
		const mine = { authorId: 'a', deleted: false };
		expect(canEditMessage(member, mine, open)).toBe(true);
		expect(canEditMessage(member, mine, locked)).toBe(false);
		expect(canEditMessage(outsider, mine, open)).toBe(false);
		expect(canDeleteMessage(member, mine)).toBe(true);
		expect(canDeleteMessage(member, { ...mine, deleted: true })).toBe(false);
		expect(canReportMessage(member, mine)).toBe(false);
		expect(canReportMessage(outsider, mine)).toBe(true);
		expect(canReportMessage(anonymous, mine)).toBe(false);
	});
});
