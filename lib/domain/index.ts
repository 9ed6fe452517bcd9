/** Pure domain logic: plain values in, plain values out. No browser APIs, no clock. */
export * from './checklist';
export * from './vetting';
export * from './reputation';
export * from './money';
