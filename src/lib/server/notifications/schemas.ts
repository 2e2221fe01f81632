import { z } from 'zod';
import { EMAIL_FREQUENCIES } from '../../domain/notifications.ts';
import { PageQuery } from '../db/cursor.ts';
import { NotificationJson } from './present.ts';

export { NotificationJson } from './present.ts';

export const ListNotificationsQuery = PageQuery;
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export const NotificationPageJson = z
	.object({
		items: z.array(NotificationJson).describe('Newest first'),
		unread: z.number().int().describe('Unread notifications in all'),
		next: z.string().nullable().describe('Cursor of the next page; null on the last')
	})
	.meta({ id: 'NotificationPage' });

export const UnreadCountJson = z.object({ unread: z.number().int().describe('Unread notifications') }).meta({ id: 'UnreadCount' });

export const NotificationIdParam = z.object({ id: z.string().min(1).max(64).describe('Notification id') });

/** The settings form: one `c_<communityId>` field per community, and whether personal mail is on. */
export const EmailFrequency = z.enum(EMAIL_FREQUENCIES);
export const PreferencesForm = z.record(z.string(), z.string()).transform((form) => ({
	communities: Object.fromEntries(
		Object.entries(form)
			.filter(([k]) => k.startsWith('c_'))
			.map(([k, v]) => [k.slice(2), EmailFrequency.parse(v)])
	),
	personal: form.personal === 'on'
}));
export type PreferencesForm = z.output<typeof PreferencesForm>;
