import { afterAll } from 'vitest';
import { closeAllSessions } from './session';

// Safety net: a test file that throws before its own afterAll must not leave a browser running.
afterAll(closeAllSessions, 60_000);
