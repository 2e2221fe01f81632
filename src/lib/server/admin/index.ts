export { logAdminView, listAdminViews, type AdminResource } from './log-admin-view.ts';
