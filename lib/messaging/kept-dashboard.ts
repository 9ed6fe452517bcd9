/** storage.session key of the dashboard the background keeps ready for the popup (issue 18). */
export const DASHBOARD_SESSION_KEY = 'vetted:dashboard';
