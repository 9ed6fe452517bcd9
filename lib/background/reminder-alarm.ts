/**
 * Reminders: an hourly alarm (and a check at browser start and after every write) counts
 * milestones due within a day or overdue, overdue check-ins and projects over budget. The count
 * goes on the toolbar badge; if the user allowed it, each new reminder becomes a notification
 * that opens the project. Nothing leaves the browser.
 */
import { browser } from 'wxt/browser';
import { notifiedReminders } from './stored-items';
import type { VettedDb } from '../db/database';
import { milestonesByProject } from '../db/repositories/milestones';
import { paymentsByProject } from '../db/repositories/payments';
import { listProjects } from '../db/repositories/projects';
import { getSettings } from '../db/repositories/settings';
import { badgeText, dueReminders, type Reminder } from '../domain/project-reminders';

export const REMINDER_ALARM = 'vetted-reminders';
const NOTIFICATION_PREFIX = 'vetted-reminder:';
/** Forget a notified reminder after this long, so a still-open problem is reminded again weekly. */
const RENOTIFY_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Chrome MV3 has `action`; Firefox MV2 has `browserAction`. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

export async function computeReminders(db: VettedDb, now: number): Promise<Reminder[]> {
  const projects = await listProjects(db, { status: ['active'] });
  const ids = projects.map((p) => p.id);
  const [milestones, payments] = await Promise.all([milestonesByProject(db, ids), paymentsByProject(db, ids)]);
  const bundles = projects.map((project) => ({
    project,
    milestones: milestones.get(project.id) ?? [],
    payments: payments.get(project.id) ?? [],
  }));
  return dueReminders(bundles, now, { timeZone: userTimeZone(), dueWithinDays: 1 });
}

async function notifyNew(reminders: Reminder[], now: number): Promise<void> {
  const stored = await notifiedReminders.getValue();
  const notified: Record<string, number> = {};
  for (const [id, at] of Object.entries(stored ?? {})) if (now - at < RENOTIFY_AFTER_MS) notified[id] = at;
  for (const r of reminders) {
    if (notified[r.id] !== undefined) continue;
    await browser.notifications.create(NOTIFICATION_PREFIX + r.projectId + ':' + r.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: r.title,
      message: r.message,
    });
    notified[r.id] = now;
  }
  await notifiedReminders.setValue(notified);
}

/** Recomputes the reminders, updates the toolbar badge and sends notifications if allowed. */
export async function checkReminders(db: VettedDb, now: number = Date.now()): Promise<Reminder[]> {
  const reminders = await computeReminders(db, now);
  const action = toolbarAction();
  await action?.setBadgeText({ text: badgeText(reminders.length) });
  await action?.setBadgeBackgroundColor({ color: reminders.some((r) => r.kind === 'milestone-overdue') ? '#c92a2a' : '#b7791f' });
  await action?.setTitle({
    title: reminders.length === 0 ? 'Vetted' : `Vetted — ${reminders.length} to look at: ${reminders[0]!.message}`,
  });
  const settings = await getSettings(db);
  if (settings.notifications && browser.notifications) {
    try {
      await notifyNew(reminders, now);
    } catch (err) {
      console.warn('Vetted: could not show a notification', err);
    }
  }
  return reminders;
}

let pending: ReturnType<typeof setTimeout> | undefined;

/** Debounced check after writes, so the badge follows edits without waiting for the alarm. */
export function scheduleReminderCheck(db: VettedDb, delayMs = 300): void {
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    checkReminders(db).catch((err) => console.warn('Vetted: reminder check failed', err));
  }, delayMs);
}

export function registerReminders(db: VettedDb): void {
  const run = () => checkReminders(db).catch((err) => console.warn('Vetted: reminder check failed', err));
  void browser.alarms.get(REMINDER_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(REMINDER_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void run();
  });
  browser.runtime.onStartup.addListener(() => void run());
  browser.notifications?.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
    const projectId = notificationId.slice(NOTIFICATION_PREFIX.length).split(':')[0];
    if (!projectId) return;
    void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?project=${encodeURIComponent(projectId)}`) });
    void browser.notifications.clear(notificationId);
  });
  void run();
}
