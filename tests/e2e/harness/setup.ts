import { afterAll } from 'vitest';
import { fixturesDir } from './paths';
import { closeAllSessions } from './session';

// No captures, no test: say so at once (issue 14: one file took 365 s to fail, its message lost
// in an "Unhandled Rejection").
fixturesDir();

// Safety net: a test file that throws before its own afterAll must not leave a browser running.
afterAll(closeAllSessions, 60_000);
