import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';

// Component tests run on the real background over fake-indexeddb, and several restore 10,000
// contractors; with other files running beside them on a 2-core machine, an answer can take over
// the library's default 1 s. A wait still ends as soon as what it waits for is on screen, so this
// only moves the point at which a real failure is reported.
configure({ asyncUtilTimeout: 5_000 });
