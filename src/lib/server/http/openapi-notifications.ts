// The notifications part of the OpenAPI document (issue 6): the caller's notifications, the unread count, marking read.
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { ListNotificationsQuery, NotificationIdParam, NotificationPageJson, UnreadCountJson } from '../notifications/schemas.ts';
import { problem, jsonBody, unauthorized, unsupported, invalid, requiredAuth } from './openapi-parts.ts';

const jsonWrite = 'Send `Content-Type: application/json`, or no body and no type at all.';

const operations = {
	listNotifications: {
		operationId: 'listNotifications',
		tags: ['notifications'],
		summary: 'The caller’s notifications, newest first',
		description:
			'Only what the caller may still see: an item of a closed community they left, or of a message deleted since, is gone. ' +
			'`text` is in the language of the request. Follow `next` with `?cursor=` for more.',
		security: requiredAuth,
		requestParams: { query: ListNotificationsQuery },
		responses: { 200: jsonBody('One page of notifications', NotificationPageJson), 401: unauthorized, 422: invalid }
	},
	countUnreadNotifications: {
		operationId: 'countUnreadNotifications',
		tags: ['notifications'],
		summary: 'How many of the caller’s notifications are unread (the bell)',
		security: requiredAuth,
		responses: { 200: jsonBody('The count', UnreadCountJson), 401: unauthorized }
	},
	markNotificationRead: {
		operationId: 'markNotificationRead',
		tags: ['notifications'],
		summary: 'Mark one notification read',
		description: jsonWrite,
		security: requiredAuth,
		requestParams: { path: NotificationIdParam },
		responses: { 204: { description: 'Read' }, 401: unauthorized, 404: problem('No such notification for the caller'), 415: unsupported }
	},
	markAllNotificationsRead: {
		operationId: 'markAllNotificationsRead',
		tags: ['notifications'],
		summary: 'Mark all the caller’s notifications read',
		description: jsonWrite,
		security: requiredAuth,
		responses: { 204: { description: 'Read' }, 401: unauthorized, 415: unsupported }
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

export const notificationsTag = {
	name: 'notifications',
	description: 'The caller’s notifications (the bell); email preferences are set in the account settings'
};

export const notificationPaths: ZodOpenApiPathsObject = {
	'/api/v1/notifications': { get: operations.listNotifications },
	'/api/v1/notifications/unread-count': { get: operations.countUnreadNotifications },
	'/api/v1/notifications/{id}/read': { post: operations.markNotificationRead },
	'/api/v1/notifications/read-all': { post: operations.markAllNotificationsRead }
};
