// Notifications (issue 6): the bell, the notifications page, email preferences, immediate mail and digests, and the
// one-click unsubscribe. Others record notifications through notify(); see ADR 10.
export { notify, type NotificationInput } from './notify.ts';
export { listNotifications, countUnread, markNotificationRead, markAllNotificationsRead } from './list-notifications.ts';
export { getNotificationSettings, saveNotificationSettings, type NotificationSettings } from './preferences.ts';
export { describeUnsubscribe, unsubscribe } from './unsubscribe.ts';
export { presentNotificationJson, type NotificationView } from './present.ts';
export { deliverOutbox, startMailSender, finalizeMail, type MailSender } from './mail-sender.ts';
export { runDigest } from './digest-job.ts';
export { runDueJobs, startScheduler, type Scheduler } from './scheduler.ts';
export * from './schemas.ts';
