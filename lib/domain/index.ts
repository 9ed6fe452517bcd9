/** Pure domain logic: plain values in, plain values out. No browser APIs, no clock. */
export * from './checklist';
export * from './vetting';
export * from './reputation';
export * from './money';
export * from './dates';
export * from './project-health';
export * from './urgency';
export * from './project-reminders';
export * from './dashboard';
export * from './loyalty';
export * from './backup-reminder';
