import { describe, expect, it } from 'vitest';
import { canReadConversation, conversationKey, MAX_RECIPIENTS, messageExcerpt, parseHandles, recipientsOf } from './conversations.ts';
import { anonymous, type Viewer } from './viewer.ts';

const member = (id: string, isAdmin = false): Viewer => ({ kind: 'account', id, isAdmin, activeCommunityIds: new Set() });

describe('canReadConversation', () => {
	it('lets participants in and nobody else, admins included', () => {
		expect(canReadConversation(member('a'), ['a', 'b'])).toBe(true);
		expect(canReadConversation(member('c'), ['a', 'b'])).toBe(false);
		expect(canReadConversation(member('c', true), ['a', 'b'])).toBe(false);
		expect(canReadConversation(anonymous, ['a', 'b'])).toBe(false);
	});
});

describe('parseHandles', () => {
	it('splits on commas and spaces, drops "@", folds case and repeats', () => {
		expect(parseHandles(' @Alex, marie-soleil;@alex\n  bob ')).toEqual(['alex', 'marie-soleil', 'bob']);
		expect(parseHandles(' , ')).toEqual([]);
	});
});

describe('recipientsOf', () => {
	it('leaves out the starter and repeats, and refuses nobody or too many', () => {
		expect(recipientsOf('a', ['b', 'a', 'b', 'c'])).toEqual({ ids: ['b', 'c'] });
		expect(recipientsOf('a', ['a'])).toEqual({ problem: 'dm_no_recipient' });
		const many = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => `p${i}`);
		expect(recipientsOf('a', many)).toEqual({ problem: 'dm_too_many_recipients' });
	});
});

describe('conversationKey', () => {
	it('is the same for the same people in any order, and differs by note', () => {
		expect(conversationKey(['b', 'a'], null)).toBe(conversationKey(['a', 'b', 'a'], null));
		expect(conversationKey(['a', 'b'], 'n1')).not.toBe(conversationKey(['a', 'b'], null));
	});
});

describe('messageExcerpt', () => {
	it('flattens Markdown to one line and cuts at a word', () => {
		expect(messageExcerpt('**Bonjour**\n\n[le lien](https://x.example) `code`')).toBe('Bonjour le lien code');
		const long = 'mot '.repeat(100);
		const cut = messageExcerpt(long, 20);
		expect(cut.endsWith('…')).toBe(true);
		expect(cut.length).toBeLessThanOrEqual(21);
	});
});
